with

source as (
    select * from {{ ref('ref_unit_types') }}
),

renamed as (
    select
        cast(unit_type_code as {{ text_type() }}) as unit_type_code,
        cast(unit_type_name as {{ text_type() }}) as unit_type_name,
        cast(reports_office_running_cost as boolean) as reports_office_running_cost
    from source
)

select * from renamed
