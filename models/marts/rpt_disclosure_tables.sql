-- The nine tables as documents, as the department's disclosure profile prints them: printed
-- order and label, title, note, and whether each has data, for every scope and fiscal year. A
-- table without data is still published, with its statement (说明) saying why (e.g. 公开07表
-- when the department has no 政府性基金), the department's name put in where the profile's
-- statement names it. Grain: one row per reporting scope, fiscal year and table.
with

cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
),

profiles as (
    select * from {{ ref('stg_reference__disclosure_profiles') }}
),

tables as (
    select * from {{ ref('stg_reference__disclosure_tables') }}
),

scope_tables as (
    select
        department_code,
        department_name,
        unit_code,
        fiscal_year,
        profile_code,
        table_no,
        count(*) as cell_count,
        count(case when amount_yuan <> 0 then 1 end) as nonzero_cell_count
    from cells
    group by department_code, department_name, unit_code, fiscal_year, profile_code, table_no
),

final as (
    select
        scope_tables.department_code,
        scope_tables.department_name,
        scope_tables.unit_code,
        scope_tables.fiscal_year,
        scope_tables.table_no,
        tables.table_title,
        tables.table_label,
        tables.table_note,
        scope_tables.cell_count,
        scope_tables.nonzero_cell_count > 0 as has_data,
        case
            when scope_tables.nonzero_cell_count = 0
                then replace(tables.empty_statement, '{department}', scope_tables.department_name)
        end as empty_statement,
        scope_tables.profile_code,
        tables.print_order,
        tables.total_position,
        tables.print_variant,
        profiles.prints_line_no,
        profiles.zero_display,
        profiles.code_style
    from scope_tables
    left join profiles on scope_tables.profile_code = profiles.profile_code
    left join tables
        on profiles.layout_profile_code = tables.profile_code
        and scope_tables.table_no = tables.table_no
)

select * from final
