-- Every published cell of every table (公开01表 … 公开09表), for every unit and department and
-- every fiscal year. Grain: one row per scope, fiscal year, table, section, row and column.
-- Exports, analysts and comparisons with published documents read this model: its columns are
-- a stable interface.
with

t01 as (select * from {{ ref('rpt_t01_income_expenditure_summary') }}),

t02 as (select * from {{ ref('rpt_t02_income_by_function') }}),

t03 as (select * from {{ ref('rpt_t03_expenditure_by_function') }}),

t04 as (select * from {{ ref('rpt_t04_appropriation_summary') }}),

t05 as (select * from {{ ref('rpt_t05_general_budget_expenditure') }}),

t06 as (select * from {{ ref('rpt_t06_general_budget_basic_expenditure') }}),

t07 as (select * from {{ ref('rpt_t07_government_fund_income_expenditure') }}),

t08 as (select * from {{ ref('rpt_t08_soe_capital_expenditure') }}),

t09 as (select * from {{ ref('rpt_t09_sangong_expenditure') }}),

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

all_cells as (
    select * from t01
    union all
    select * from t02
    union all
    select * from t03
    union all
    select * from t04
    union all
    select * from t05
    union all
    select * from t06
    union all
    select * from t07
    union all
    select * from t08
    union all
    select * from t09
),

final as (
    select
        all_cells.department_code,
        departments.department_name,
        all_cells.unit_code,
        all_cells.fiscal_year,
        all_cells.table_no,
        all_cells.section,
        all_cells.row_code,
        all_cells.line_no,
        all_cells.row_label,
        all_cells.column_label,
        all_cells.amount_yuan,
        {{ to_wan('all_cells.amount_yuan') }} as amount_wan,
        all_cells.row_order,
        all_cells.column_order
    from all_cells
    left join departments on all_cells.department_code = departments.department_code
)

select * from final
