-- Grain: one row per unit, fiscal year, fund source and function 项 that has any income,
-- spending or balance entry. 年末结转和结余 (closing) is computed, never entered:
--   closing = opening + income + use_of_surplus - expenditure - surplus_distribution
-- Sums are carried as decimal(38,2) (DuckDB's own sum type): a sum of lines that each pass
-- I28 cannot overflow here, before I29 (on int_ledger_flows) names a scope that is too large.
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

movements as (
    select
        unit_code,
        department_code,
        fiscal_year,
        fund_source_code,
        function_code,
        amount_yuan as income_yuan,
        cast(0 as decimal(18, 2)) as expenditure_yuan,
        cast(0 as decimal(18, 2)) as opening_yuan,
        cast(0 as decimal(18, 2)) as use_of_surplus_yuan,
        cast(0 as decimal(18, 2)) as surplus_distribution_yuan
    from income
    union all
    select
        unit_code,
        department_code,
        fiscal_year,
        fund_source_code,
        function_code,
        cast(0 as decimal(18, 2)) as income_yuan,
        amount_yuan as expenditure_yuan,
        cast(0 as decimal(18, 2)) as opening_yuan,
        cast(0 as decimal(18, 2)) as use_of_surplus_yuan,
        cast(0 as decimal(18, 2)) as surplus_distribution_yuan
    from expenditure
    union all
    select
        unit_code,
        department_code,
        fiscal_year,
        fund_source_code,
        function_code,
        cast(0 as decimal(18, 2)) as income_yuan,
        cast(0 as decimal(18, 2)) as expenditure_yuan,
        case when balance_type_code = 'opening' then amount_yuan else 0 end as opening_yuan,
        case when balance_type_code = 'use_of_surplus' then amount_yuan else 0 end as use_of_surplus_yuan,
        case
            when balance_type_code = 'surplus_distribution' then amount_yuan else 0
        end as surplus_distribution_yuan
    from balances
),

summed as (
    select
        unit_code,
        department_code,
        fiscal_year,
        fund_source_code,
        function_code,
        cast(sum(opening_yuan) as decimal(38, 2)) as opening_yuan,
        cast(sum(income_yuan) as decimal(38, 2)) as income_yuan,
        cast(sum(use_of_surplus_yuan) as decimal(38, 2)) as use_of_surplus_yuan,
        cast(sum(expenditure_yuan) as decimal(38, 2)) as expenditure_yuan,
        cast(sum(surplus_distribution_yuan) as decimal(38, 2)) as surplus_distribution_yuan
    from movements
    group by unit_code, department_code, fiscal_year, fund_source_code, function_code
),

final as (
    select
        *,
        cast(
            opening_yuan + income_yuan + use_of_surplus_yuan
            - expenditure_yuan - surplus_distribution_yuan
            as decimal(38, 2)
        ) as closing_yuan
    from summed
)

select * from final
