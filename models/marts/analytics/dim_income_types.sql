-- Grain: one row per income type (收入类型).
with

income_types as (
    select * from {{ ref('stg_reference__income_types') }}
),

final as (
    select
        cast(income_type_code as {{ text_type() }}) as income_type_code,
        cast(income_type_name as {{ text_type() }}) as income_type_name,
        cast(requires_appropriation as boolean) as requires_appropriation,
        cast(sort_order as integer) as sort_order
    from income_types
)

select * from final
