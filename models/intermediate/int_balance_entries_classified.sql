-- Grain: one row per balance entry (same rows as int_ledger__balance_entries), with the unit's
-- department, the 项's 类 and the fund source's budget.
with

entries as (
    select * from {{ ref('int_ledger__balance_entries') }}
),

units as (
    select * from {{ ref('int_units_with_departments') }}
),

function_subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

known_years as (
    select * from {{ ref('int_code_list_years') }}
),

fund_sources as (
    select * from {{ ref('stg_reference__fund_sources') }}
),

balance_types as (
    select * from {{ ref('stg_reference__balance_types') }}
),

final as (
    select
        entries.source_file,
        entries.source_sheet,
        entries.source_row,
        entries.entry_id,
        entries.unit_code,
        units.department_code,
        entries.fiscal_year,
        known_years.fiscal_year is not null as is_known_year,
        entries.balance_type_code,
        balance_types.non_appropriation_only,
        entries.function_code,
        function_subjects.function_level,
        {{ code_at_level('entries.function_code', 'class') }} as function_class_code,
        entries.fund_source_code,
        fund_sources.is_appropriation,
        fund_sources.budget_code,
        entries.amount_yuan
    from entries
    left join units on entries.unit_code = units.unit_code
    left join function_subjects
        on entries.fiscal_year = function_subjects.fiscal_year
        and entries.function_code = function_subjects.function_code
    left join known_years on entries.fiscal_year = known_years.fiscal_year
    left join fund_sources on entries.fund_source_code = fund_sources.fund_source_code
    left join balance_types on entries.balance_type_code = balance_types.balance_type_code
)

select * from final
