-- Grain: one row per budget line (same rows as int_ledger__budget_lines), classified like the
-- spending entries.
with

budget_lines as (
    select * from {{ ref('int_ledger__budget_lines') }}
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

economic_subjects as (
    select * from {{ ref('stg_reference__economic_subjects') }}
),

spending_types as (
    select * from {{ ref('stg_reference__spending_types') }}
),

sangong_categories as (
    select * from {{ ref('stg_reference__sangong_categories') }}
),

final as (
    select
        budget_lines.source_file,
        budget_lines.source_sheet,
        budget_lines.source_row,
        budget_lines.budget_line_id,
        budget_lines.unit_code,
        units.department_code,
        budget_lines.fiscal_year,
        known_years.fiscal_year is not null as is_known_year,
        budget_lines.function_code,
        function_subjects.function_level,
        {{ code_at_level('budget_lines.function_code', 'class') }} as function_class_code,
        budget_lines.economic_code,
        economic_subjects.economic_level,
        {{ code_at_level('budget_lines.economic_code', 'class') }} as economic_class_code,
        budget_lines.fund_source_code,
        fund_sources.is_appropriation,
        fund_sources.budget_code,
        budget_lines.spending_type_code,
        spending_types.spending_group,
        sangong_categories.sangong_category_code,
        budget_lines.project_code,
        budget_lines.initial_budget_yuan,
        budget_lines.final_budget_yuan
    from budget_lines
    left join units on budget_lines.unit_code = units.unit_code
    left join function_subjects
        on budget_lines.fiscal_year = function_subjects.fiscal_year
        and budget_lines.function_code = function_subjects.function_code
    left join known_years on budget_lines.fiscal_year = known_years.fiscal_year
    left join economic_subjects
        on budget_lines.fiscal_year = economic_subjects.fiscal_year
        and budget_lines.economic_code = economic_subjects.economic_code
    left join fund_sources on budget_lines.fund_source_code = fund_sources.fund_source_code
    left join spending_types on budget_lines.spending_type_code = spending_types.spending_type_code
    left join sangong_categories on budget_lines.economic_code = sangong_categories.economic_code
)

select * from final
