-- Grain: one row per reporting scope and fiscal year that has any flow: each unit
-- (unit_code set) and each department (unit_code null). Every scope gets all nine tables.
with

flows as (
    select * from {{ ref('int_ledger_flows') }}
),

unit_scopes as (
    select distinct
        department_code,
        unit_code,
        fiscal_year
    from flows
),

department_scopes as (
    select distinct
        department_code,
        cast(null as varchar) as unit_code,
        fiscal_year
    from unit_scopes
),

final as (
    select * from unit_scopes
    union all
    select * from department_scopes
)

select * from final
