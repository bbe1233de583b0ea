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
        coalesce(block, '') as block,
        line_key,
        column_key,
        row_label,
        column_label,
        amount_yuan
    from cells
),

-- One pass: each cell key sums the department's amount and its units' amounts side by side (a
-- cell shown for one scope and not the other compares with 0), instead of aggregating the units
-- and joining back to the department cells. A cell is addressed by its keys; its labels (the
-- same for every scope of a key) are carried for the reader.
compared as (
    select
        department_code,
        fiscal_year,
        table_no,
        block,
        line_key,
        column_key,
        row_label,
        column_label,
        coalesce(sum(case when unit_code is null then amount_yuan end), 0) as actual,
        coalesce(sum(case when unit_code is not null then amount_yuan end), 0) as expected
    from cell_key
    group by department_code, fiscal_year, table_no, block, line_key, column_key, row_label, column_label
)

select
    *,
    actual - expected as difference
from compared
where actual <> expected
