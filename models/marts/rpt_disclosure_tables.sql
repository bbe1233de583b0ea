-- The nine tables as documents: title, note, and whether each has data, for every scope and
-- fiscal year. A table without data is still published, with its statement (说明) saying why
-- (e.g. 公开07表 when the department has no 政府性基金). Grain: one row per reporting scope,
-- fiscal year and table.
with

cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
),

tables as (
    select * from {{ ref('ref_disclosure_tables') }}
),

scope_tables as (
    select
        department_code,
        department_name,
        unit_code,
        fiscal_year,
        table_no,
        count(*) as cell_count,
        count(case when amount_yuan <> 0 then 1 end) as nonzero_cell_count
    from cells
    group by department_code, department_name, unit_code, fiscal_year, table_no
),

final as (
    select
        scope_tables.department_code,
        scope_tables.department_name,
        scope_tables.unit_code,
        scope_tables.fiscal_year,
        scope_tables.table_no,
        tables.table_title,
        '公开' || scope_tables.table_no || '表' as table_label,
        tables.table_note,
        scope_tables.cell_count,
        scope_tables.nonzero_cell_count > 0 as has_data,
        case when scope_tables.nonzero_cell_count = 0 then tables.empty_statement end as empty_statement
    from scope_tables
    left join tables on scope_tables.table_no = tables.table_no
)

select * from final
