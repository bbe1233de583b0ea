-- Conservation: every ledger amount lands in the tables. For each unit and department and
-- year, the sums of the ledger lines equal the table totals that should hold them: all income =
-- 01 本年收入合计, all spending = 01 本年支出合计, 财政拨款 income = 04 本年收入合计, 一般公共预算
-- basic spending = 06 人员经费合计 + 公用经费合计, 财政拨款 spending on the 三公 codes = 09 决算数
-- 合计. The lines are read at line grain from the classified models (tested to keep every staged
-- line, amounts untouched), not from the ledger files again: at province scale a second scan of
-- the files was one of the slowest tests. Department sums come from the lines, not from the unit
-- sums. Fails with the scope, the check, the ledger sum (expected), the table value (actual) and
-- the difference.
{{ config(meta={
    'rule_id': 'C01', 'kind': '守恒',
    'message': '账簿金额未完整进入决算表（收入、支出、财政拨款收入、一般公共预算基本支出、“三公”经费合计）'
}) }}

with

income as (
    select * from {{ ref('int_income_entries_classified') }}
),

expenditure as (
    select * from {{ ref('int_expenditure_entries_classified') }}
),

cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
),

ledger_lines as (
    select
        department_code,
        unit_code,
        fiscal_year,
        'income' as check_name,
        amount_yuan
    from income
    union all
    select
        department_code,
        unit_code,
        fiscal_year,
        'appropriation_income' as check_name,
        amount_yuan
    from income
    where is_appropriation
    union all
    select
        department_code,
        unit_code,
        fiscal_year,
        'expenditure' as check_name,
        amount_yuan
    from expenditure
    union all
    select
        department_code,
        unit_code,
        fiscal_year,
        'general_budget_basic_expenditure' as check_name,
        amount_yuan
    from expenditure
    where budget_code = 'general_public' and spending_group = 'basic'
    union all
    select
        department_code,
        unit_code,
        fiscal_year,
        'sangong_expenditure' as check_name,
        amount_yuan
    from expenditure
    where is_appropriation and sangong_category_code is not null
),

ledger_by_unit as (
    select
        department_code,
        unit_code,
        fiscal_year,
        check_name,
        sum(amount_yuan) as ledger_yuan
    from ledger_lines
    group by department_code, unit_code, fiscal_year, check_name
),

ledger_by_department as (
    select
        department_code,
        cast(null as {{ text_type() }}) as unit_code,
        fiscal_year,
        check_name,
        sum(amount_yuan) as ledger_yuan
    from ledger_lines
    group by department_code, fiscal_year, check_name
),

ledger as (
    select * from ledger_by_unit
    union all
    select * from ledger_by_department
),

table_totals as (
    select
        department_code,
        unit_code,
        fiscal_year,
        case
            when table_no = '01' and line_key = 'total_income' then 'income'
            when table_no = '04' and line_key = 'total_income' then 'appropriation_income'
            when table_no = '01' and line_key = 'total_expenditure' then 'expenditure'
            when table_no = '06' then 'general_budget_basic_expenditure'
            when table_no = '09' then 'sangong_expenditure'
        end as check_name,
        sum(amount_yuan) as table_yuan
    from cells
    where
        (table_no = '01' and line_key in ('total_income', 'total_expenditure'))
        or (table_no = '04' and line_key = 'total_income')
        or (table_no = '06' and line_key in ('personnel_total', 'public_total'))
        or (table_no = '09' and block = '决算数' and column_key = 'total')
    group by department_code, unit_code, fiscal_year, check_name
),

compared as (
    select
        coalesce(ledger.department_code, table_totals.department_code) as department_code,
        coalesce(ledger.unit_code, table_totals.unit_code) as unit_code,
        coalesce(ledger.fiscal_year, table_totals.fiscal_year) as fiscal_year,
        coalesce(ledger.check_name, table_totals.check_name) as check_name,
        coalesce(ledger.ledger_yuan, 0) as expected,
        coalesce(table_totals.table_yuan, 0) as actual
    from ledger
    full outer join table_totals
        on {{ same_scope('ledger', 'table_totals') }}
        and ledger.check_name = table_totals.check_name
)

select
    *,
    actual - expected as difference
from compared
where actual <> expected
