-- Conservation across scopes: every cell of a department's tables equals the sum of the same
-- cell over its units (a row shown for one scope and not another compares with 0).
{{ config(meta={'rule_id': 'C03', 'kind': '守恒', 'message': '部门数不等于所属单位数之和（汇总错误）'}) }}

with

cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
),

cell_key as (
    select
        department_code,
        unit_code,
        fiscal_year,
        table_no,
        coalesce(section, '') as section,
        coalesce(row_code, '') as row_code,
        coalesce(line_no, -1) as line_no,
        row_label,
        column_label,
        amount_yuan
    from cells
),

department_cells as (
    select * from cell_key
    where unit_code is null
),

summed_unit_cells as (
    select
        department_code,
        fiscal_year,
        table_no,
        section,
        row_code,
        line_no,
        row_label,
        column_label,
        sum(amount_yuan) as amount_yuan
    from cell_key
    where unit_code is not null
    group by department_code, fiscal_year, table_no, section, row_code, line_no, row_label, column_label
),

compared as (
    select
        coalesce(department_cells.department_code, summed_unit_cells.department_code) as department_code,
        coalesce(department_cells.fiscal_year, summed_unit_cells.fiscal_year) as fiscal_year,
        coalesce(department_cells.table_no, summed_unit_cells.table_no) as table_no,
        coalesce(department_cells.row_label, summed_unit_cells.row_label) as row_label,
        coalesce(department_cells.column_label, summed_unit_cells.column_label) as column_label,
        coalesce(department_cells.amount_yuan, 0) as actual,
        coalesce(summed_unit_cells.amount_yuan, 0) as expected
    from department_cells
    full outer join summed_unit_cells
        on department_cells.department_code = summed_unit_cells.department_code
        and department_cells.fiscal_year = summed_unit_cells.fiscal_year
        and department_cells.table_no = summed_unit_cells.table_no
        and department_cells.section = summed_unit_cells.section
        and department_cells.row_code = summed_unit_cells.row_code
        and department_cells.line_no = summed_unit_cells.line_no
        and department_cells.row_label = summed_unit_cells.row_label
        and department_cells.column_label = summed_unit_cells.column_label
)

select
    *,
    actual - expected as difference
from compared
where actual <> expected
