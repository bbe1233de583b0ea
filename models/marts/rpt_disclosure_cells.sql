-- Every published cell of every table (公开01表 … 公开09表), for every unit and department and
-- every fiscal year, in the lines and columns of the department's disclosure profile
-- (profile_code). Grain: one row per scope, fiscal year, table, block, row and column.
-- Exports, analysts and comparisons with published documents read this model: its columns are
-- a stable interface.
{#- The cell models' columns (their enforced contract), read by name: the union below cannot
    shift a column even if a cell model lists its columns in another order. -#}
{%- set cell_columns = [
    'department_code', 'unit_code', 'fiscal_year', 'table_no', 'block', 'row_order', 'row_code',
    'line_no', 'line_key', 'row_label', 'column_order', 'column_key', 'column_group', 'column_label',
    'profile_code', 'amount_yuan',
] %}

with

-- The cells of every table, each stored once: the 01/04 lines, the 类/款/项 tables (02, 03, 05,
-- 07, 08), 06 and 09. The nine rpt_t0x models are views of this one.
line_cells as (select {{ cell_columns | join(', ') }} from {{ ref('int_layout_line_cells') }}),

function_table_cells as (
    select {{ cell_columns | join(', ') }} from {{ ref('int_function_table_cells') }}
),

basic_expenditure_cells as (
    select {{ cell_columns | join(', ') }} from {{ ref('int_basic_expenditure_cells') }}
),

sangong_cells as (select {{ cell_columns | join(', ') }} from {{ ref('int_sangong_cells') }}),

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

all_cells as (
    select * from line_cells
    union all
    select * from function_table_cells
    union all
    select * from basic_expenditure_cells
    union all
    select * from sangong_cells
),

final as (
    select
        all_cells.department_code,
        departments.department_name,
        all_cells.unit_code,
        all_cells.fiscal_year,
        all_cells.table_no,
        all_cells.block,
        all_cells.row_code,
        all_cells.line_no,
        all_cells.line_key,
        all_cells.row_label,
        all_cells.column_key,
        all_cells.column_group,
        all_cells.column_label,
        all_cells.amount_yuan,
        {{ to_wan('all_cells.amount_yuan') }} as amount_wan,
        all_cells.row_order,
        all_cells.column_order,
        all_cells.profile_code
    from all_cells
    left join departments on all_cells.department_code = departments.department_code
)

select * from final
