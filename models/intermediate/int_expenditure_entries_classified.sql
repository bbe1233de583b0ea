-- Grain: one row per spending entry (same rows as int_ledger__expenditure_entries), with the
-- unit's department, the 项's 款 and 类, the economic 款's 类, the fund source's budget, the
-- spending group and the 三公 category. Left joins keep every row; the tests report unknown codes.
with

entries as (
    select * from {{ ref('int_ledger__expenditure_entries') }}
),

units as (
    select * from {{ ref('int_units_with_departments') }}
),

function_subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

economic_subjects as (
    select * from {{ ref('stg_reference__economic_subjects') }}
),

known_years as (
    select * from {{ ref('int_code_list_years') }}
),

fund_sources as (
    select * from {{ ref('stg_reference__fund_sources') }}
),

spending_types as (
    select * from {{ ref('stg_reference__spending_types') }}
),

sangong_categories as (
    select * from {{ ref('stg_reference__sangong_categories') }}
),

projects as (
    select * from {{ ref('stg_ledger__projects') }}
),

-- Which basic-spending component (人员经费/公用经费) each economic 类 belongs to: the blocks
-- of the 公开06表 layout of the department's profile valid for the year (else the default's).
basic_components_by_class as (
    select * from {{ ref('stg_reference__layout_t06') }}
    where row_kind = 'class'
),

department_layouts as (
    select
        departments.department_code,
        profiles.layout_profile_code
    from {{ ref('stg_ledger__departments') }} as departments
    inner join {{ ref('stg_reference__disclosure_profiles') }} as profiles
        on departments.profile_code = profiles.profile_code
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
        entries.posting_date,
        entries.voucher_no,
        entries.function_code,
        function_subjects.function_level,
        {{ code_at_level('entries.function_code', 'section') }} as function_section_code,
        {{ code_at_level('entries.function_code', 'class') }} as function_class_code,
        entries.economic_code,
        economic_subjects.economic_level,
        {{ code_at_level('entries.economic_code', 'class') }} as economic_class_code,
        entries.fund_source_code,
        fund_sources.is_appropriation,
        fund_sources.budget_code,
        entries.spending_type_code,
        spending_types.spending_group,
        spending_types.basic_component,
        coalesce(basic_components_by_class.block, default_components_by_class.block)
            as economic_class_basic_component,
        sangong_categories.sangong_category_code,
        entries.project_code,
        projects.project_code is not null as is_known_project,
        entries.amount_yuan,
        entries.summary
    from entries
    left join units on entries.unit_code = units.unit_code
    left join function_subjects
        on entries.fiscal_year = function_subjects.fiscal_year
        and entries.function_code = function_subjects.function_code
    left join economic_subjects
        on entries.fiscal_year = economic_subjects.fiscal_year
        and entries.economic_code = economic_subjects.economic_code
    left join known_years on entries.fiscal_year = known_years.fiscal_year
    left join fund_sources on entries.fund_source_code = fund_sources.fund_source_code
    left join spending_types on entries.spending_type_code = spending_types.spending_type_code
    left join sangong_categories on entries.economic_code = sangong_categories.economic_code
    left join projects
        on entries.project_code = projects.project_code
        and entries.unit_code = projects.unit_code
        and entries.fiscal_year = projects.fiscal_year
    left join department_layouts on units.department_code = department_layouts.department_code
    left join basic_components_by_class
        on basic_components_by_class.profile_code
        = coalesce(department_layouts.layout_profile_code, {{ default_profile_code() }})
        and {{ code_at_level('entries.economic_code', 'class') }} = basic_components_by_class.row_code
        and {{ valid_for_year('basic_components_by_class', 'entries.fiscal_year') }}
    -- A department whose profile has no 06 layout for the year (rule I39 names it) is classified
    -- by the default profile's, so I39, not a misleading I08, is what it hears.
    left join basic_components_by_class as default_components_by_class
        on default_components_by_class.profile_code = {{ default_profile_code() }}
        and {{ code_at_level('entries.economic_code', 'class') }} = default_components_by_class.row_code
        and {{ valid_for_year('default_components_by_class', 'entries.fiscal_year') }}
)

select * from final
