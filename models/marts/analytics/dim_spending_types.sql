-- Grain: one row per spending type (支出类型).
with

spending_types as (
    select * from {{ ref('stg_reference__spending_types') }}
),

final as (
    select
        cast(spending_type_code as {{ text_type() }}) as spending_type_code,
        cast(spending_type_name as {{ text_type() }}) as spending_type_name,
        cast(spending_group as {{ text_type() }}) as spending_group,
        cast(spending_group_name as {{ text_type() }}) as spending_group_name,
        cast(basic_component as {{ text_type() }}) as basic_component,
        cast(sort_order as integer) as sort_order
    from spending_types
)

select * from final
