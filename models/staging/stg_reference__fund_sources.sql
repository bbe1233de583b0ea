with

source as (
    select * from {{ ref('ref_fund_sources') }}
),

renamed as (
    select
        cast(fund_source_code as {{ text_type() }}) as fund_source_code,
        cast(fund_source_name as {{ text_type() }}) as fund_source_name,
        cast(is_appropriation as boolean) as is_appropriation,
        cast(budget_code as {{ text_type() }}) as budget_code,
        cast(budget_name as {{ text_type() }}) as budget_name,
        cast(sort_order as integer) as sort_order
    from source
)

select * from renamed
