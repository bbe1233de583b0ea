-- Grain: one row per department (部门), with the number of its units.
with

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

units as (
    select * from {{ ref('int_units_with_departments') }}
),

unit_counts as (
    select
        department_code,
        count(*) as unit_count
    from units
    group by department_code
),

final as (
    select
        cast(departments.department_code as {{ text_type() }}) as department_code,
        cast(departments.department_name as {{ text_type() }}) as department_name,
        cast(coalesce(unit_counts.unit_count, 0) as integer) as unit_count
    from departments
    left join unit_counts on departments.department_code = unit_counts.department_code
)

select * from final
