-- Grain: one row per reporting scope (a unit, or its department with unit_code null), fiscal
-- year, flow and classification (function 项, fund source, income type, spending type, economic
-- 款). Every amount the tables publish is a sum of these rows under a layout filter. Department
-- rows are summed from the unit rows, so a department is by construction the sum of its units.
with

income as (
    select * from {{ ref('int_income_entries_classified') }}
),

expenditure as (
    select * from {{ ref('int_expenditure_entries_classified') }}
),

balances as (
    select * from {{ ref('int_balance_entries_classified') }}
),

rolled_forward as (
    select * from {{ ref('int_fund_balances_rolled_forward') }}
),

budget_lines as (
    select * from {{ ref('int_budget_lines_classified') }}
),

fund_sources as (
    select * from {{ ref('stg_reference__fund_sources') }}
),

spending_types as (
    select * from {{ ref('stg_reference__spending_types') }}
),

sangong_items as (
    select * from {{ ref('stg_reference__sangong_items') }}
),

income_flows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        'income' as flow,
        function_code,
        fund_source_code,
        income_type_code,
        cast(null as varchar) as spending_type_code,
        cast(null as varchar) as economic_code,
        amount_yuan
    from income
),

expenditure_flows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        'expenditure' as flow,
        function_code,
        fund_source_code,
        cast(null as varchar) as income_type_code,
        spending_type_code,
        economic_code,
        amount_yuan
    from expenditure
),

balance_flows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        balance_type_code as flow,
        function_code,
        fund_source_code,
        cast(null as varchar) as income_type_code,
        cast(null as varchar) as spending_type_code,
        cast(null as varchar) as economic_code,
        amount_yuan
    from balances
),

closing_flows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        'closing' as flow,
        function_code,
        fund_source_code,
        cast(null as varchar) as income_type_code,
        cast(null as varchar) as spending_type_code,
        cast(null as varchar) as economic_code,
        closing_yuan as amount_yuan
    from rolled_forward
),

initial_budget_flows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        'initial_budget' as flow,
        function_code,
        fund_source_code,
        cast(null as varchar) as income_type_code,
        spending_type_code,
        economic_code,
        initial_budget_yuan as amount_yuan
    from budget_lines
),

final_budget_flows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        'final_budget' as flow,
        function_code,
        fund_source_code,
        cast(null as varchar) as income_type_code,
        spending_type_code,
        economic_code,
        final_budget_yuan as amount_yuan
    from budget_lines
),

all_flows as (
    select * from income_flows
    union all
    select * from expenditure_flows
    union all
    select * from balance_flows
    union all
    select * from closing_flows
    union all
    select * from initial_budget_flows
    union all
    select * from final_budget_flows
),

unit_scope as (
    select
        department_code,
        unit_code,
        fiscal_year,
        flow,
        function_code,
        fund_source_code,
        income_type_code,
        spending_type_code,
        economic_code,
        cast(sum(amount_yuan) as decimal(18, 2)) as amount_yuan,
        count(*) as entry_count
    from all_flows
    group by
        department_code, unit_code, fiscal_year, flow, function_code,
        fund_source_code, income_type_code, spending_type_code, economic_code
),

-- A department is the sum of its units: it is aggregated from the unit rows, not re-read.
department_scope as (
    select
        department_code,
        cast(null as varchar) as unit_code,
        fiscal_year,
        flow,
        function_code,
        fund_source_code,
        income_type_code,
        spending_type_code,
        economic_code,
        cast(sum(amount_yuan) as decimal(18, 2)) as amount_yuan,
        sum(entry_count) as entry_count
    from unit_scope
    group by
        department_code, fiscal_year, flow, function_code,
        fund_source_code, income_type_code, spending_type_code, economic_code
),

scoped as (
    select * from unit_scope
    union all
    select * from department_scope
),

final as (
    select
        scoped.department_code,
        scoped.unit_code,
        scoped.fiscal_year,
        scoped.flow,
        scoped.function_code,
        left(scoped.function_code, 5) as function_section_code,
        left(scoped.function_code, 3) as function_class_code,
        scoped.fund_source_code,
        fund_sources.is_appropriation,
        fund_sources.budget_code,
        scoped.income_type_code,
        scoped.spending_type_code,
        spending_types.spending_group,
        scoped.economic_code,
        left(scoped.economic_code, 3) as economic_class_code,
        sangong_items.sangong_item_code,
        scoped.amount_yuan,
        scoped.entry_count
    from scoped
    left join fund_sources on scoped.fund_source_code = fund_sources.fund_source_code
    left join spending_types on scoped.spending_type_code = spending_types.spending_type_code
    left join sangong_items on scoped.economic_code = sangong_items.economic_code
)

select * from final
