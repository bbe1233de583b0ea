with

source as (
    select * from {{ ref('ref_spending_types') }}
),

renamed as (
    select
        cast(spending_type_code as varchar) as spending_type_code,
        cast(spending_type_name as varchar) as spending_type_name,
        cast(spending_group as varchar) as spending_group,
        cast(spending_group_name as varchar) as spending_group_name,
        cast(basic_component as varchar) as basic_component,
        cast(sort_order as integer) as sort_order
    from source
)

select * from renamed
