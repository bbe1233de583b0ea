-- Grain: one row per reporting scope and fiscal year that has any flow: each unit
-- (unit_code set) and each department (unit_code null). Every scope gets all nine tables, in the
-- layout of its department's disclosure profile (layout_profile_code: whose layout rows it
-- prints) and printed as that profile says (prints_line_no).
with

flows as (
    select * from {{ ref('int_ledger_flows') }}
),

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

profiles as (
    select * from {{ ref('stg_reference__disclosure_profiles') }}
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
        cast(null as {{ text_type() }}) as unit_code,
        fiscal_year
    from unit_scopes
),

scopes as (
    select * from unit_scopes
    union all
    select * from department_scopes
),

-- A department the departments file lacks prints in the default profile; a profile that is
-- unknown or not valid for the year is rule I39 (the scope would get no tables).
final as (
    select
        scopes.department_code,
        scopes.unit_code,
        scopes.fiscal_year,
        profiles.profile_code,
        profiles.layout_profile_code,
        profiles.prints_line_no,
        profiles.valid_from_year as profile_valid_from_year,
        profiles.valid_to_year as profile_valid_to_year
    from scopes
    left join departments on scopes.department_code = departments.department_code
    left join profiles
        on coalesce(departments.profile_code, {{ default_profile_code() }}) = profiles.profile_code
)

select * from final
