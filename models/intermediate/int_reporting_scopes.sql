-- Grain: one row per reporting scope and fiscal year that has any flow: each unit
-- (unit_code set) and each department (unit_code null). Every scope gets all nine tables.
with

flows as (
    select * from {{ ref('int_ledger_flows') }}
),

final as (
    select distinct
        department_code,
        unit_code,
        fiscal_year
    from flows
)

select * from final
