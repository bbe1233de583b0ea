-- Grain: one row per unit, fiscal year, flow and classification (function 项, fund source,
-- income type, spending type, economic 款). Every amount the tables publish is a sum of these
-- rows under a layout filter. Department rows are not stored here: the models that need them
-- add them as the sum of these unit rows (macro with_department_rows) at the grain they need,
-- so a department is by construction the sum of its units and the ledger-grain flows are
-- stored once. Amounts are sums carried as decimal(38,2), so no sum overflows before rule I29
-- (Σ|amount| per department and year within scope_bound_yuan) has checked the scope; the cell
-- models downstream cast back to decimal(18,2), which a scope within that bound always fits.
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

sangong_categories as (
    select * from {{ ref('stg_reference__sangong_categories') }}
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
        cast(null as {{ text_type() }}) as spending_type_code,
        cast(null as {{ text_type() }}) as economic_code,
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
        cast(null as {{ text_type() }}) as income_type_code,
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
        cast(null as {{ text_type() }}) as income_type_code,
        cast(null as {{ text_type() }}) as spending_type_code,
        cast(null as {{ text_type() }}) as economic_code,
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
        cast(null as {{ text_type() }}) as income_type_code,
        cast(null as {{ text_type() }}) as spending_type_code,
        cast(null as {{ text_type() }}) as economic_code,
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
        cast(null as {{ text_type() }}) as income_type_code,
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
        cast(null as {{ text_type() }}) as income_type_code,
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
        cast(sum(amount_yuan) as decimal(38, 2)) as amount_yuan,
        count(*) as entry_count
    from all_flows
    group by
        department_code, unit_code, fiscal_year, flow, function_code,
        fund_source_code, income_type_code, spending_type_code, economic_code
),

final as (
    select
        unit_scope.department_code,
        unit_scope.unit_code,
        unit_scope.fiscal_year,
        unit_scope.flow,
        unit_scope.function_code,
        {{ code_at_level('unit_scope.function_code', 'section') }} as function_section_code,
        {{ code_at_level('unit_scope.function_code', 'class') }} as function_class_code,
        unit_scope.fund_source_code,
        fund_sources.is_appropriation,
        fund_sources.budget_code,
        unit_scope.income_type_code,
        unit_scope.spending_type_code,
        spending_types.spending_group,
        unit_scope.economic_code,
        {{ code_at_level('unit_scope.economic_code', 'class') }} as economic_class_code,
        sangong_categories.sangong_category_code,
        unit_scope.amount_yuan,
        unit_scope.entry_count
    from unit_scope
    left join fund_sources on unit_scope.fund_source_code = fund_sources.fund_source_code
    left join spending_types on unit_scope.spending_type_code = spending_types.spending_type_code
    left join sangong_categories on unit_scope.economic_code = sangong_categories.economic_code
)

select * from final
