-- Grain: one row per unit, with its department and unit type.
with

units as (
    select * from {{ ref('stg_ledger__units') }}
),

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

unit_types as (
    select * from {{ ref('stg_reference__unit_types') }}
),

final as (
    select
        units.unit_code,
        units.unit_name,
        units.department_code,
        departments.department_name,
        units.unit_type_code,
        unit_types.unit_type_name,
        unit_types.reports_office_running_cost,
        units.is_department_body
    from units
    left join departments on units.department_code = departments.department_code
    left join unit_types on units.unit_type_code = unit_types.unit_type_code
)

select * from final
