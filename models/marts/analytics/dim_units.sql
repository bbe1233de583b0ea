-- Grain: one row per unit (单位), with its department and unit type.
with

units as (
    select * from {{ ref('int_units_with_departments') }}
),

final as (
    select
        cast(unit_code as {{ text_type() }}) as unit_code,
        cast(unit_name as {{ text_type() }}) as unit_name,
        cast(department_code as {{ text_type() }}) as department_code,
        cast(department_name as {{ text_type() }}) as department_name,
        cast(unit_type_code as {{ text_type() }}) as unit_type_code,
        cast(unit_type_name as {{ text_type() }}) as unit_type_name,
        cast(reports_office_running_cost as boolean) as reports_office_running_cost,
        cast(is_department_body as boolean) as is_department_body
    from units
)

select * from final
