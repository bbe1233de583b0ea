with

source as (
    select * from {{ ref('ref_spending_types') }}
),

renamed as (
    select
        cast(spending_type_code as {{ text_type() }}) as spending_type_code,
        cast(spending_type_name as {{ text_type() }}) as spending_type_name,
        cast(spending_group as {{ text_type() }}) as spending_group,
        cast(spending_group_name as {{ text_type() }}) as spending_group_name,
        cast(basic_component as {{ text_type() }}) as basic_component,
        cast(sort_order as integer) as sort_order
    from source
)

select * from renamed
