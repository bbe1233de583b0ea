-- Grain: one row per fund source (资金性质).
with

fund_sources as (
    select * from {{ ref('stg_reference__fund_sources') }}
),

final as (
    select
        cast(fund_source_code as {{ text_type() }}) as fund_source_code,
        cast(fund_source_name as {{ text_type() }}) as fund_source_name,
        cast(is_appropriation as boolean) as is_appropriation,
        cast(budget_code as {{ text_type() }}) as budget_code,
        cast(budget_name as {{ text_type() }}) as budget_name,
        cast(sort_order as integer) as sort_order
    from fund_sources
)

select * from final
