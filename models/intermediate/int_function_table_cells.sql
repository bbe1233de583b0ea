-- Grain: one row per reporting scope, fiscal year, table (02, 03, 05, 07, 08), row and column,
-- with the columns of the scope's profile and its 合计 row where the profile prints it.
-- Rows are the 合计 row (row_code null) and every 类/款/项 with a non-zero cell in that table;
-- every shown row has all the table's columns, zeros included. Amounts are the flows passing the
-- column's filter, summed per 项 and rolled up 项 → 款 → 类 → 合计.
with

scopes as (
    select * from {{ ref('int_reporting_scopes') }}
),

layout_columns as (
    select * from {{ ref('stg_reference__layout_columns') }}
    where table_no in ('02', '03', '05', '07', '08')
),

flows as (
    select * from {{ ref('int_ledger_flows_by_item') }}
),

profile_tables as (
    select * from {{ ref('stg_reference__disclosure_tables') }}
),

-- Each department's layout profile: a department's flows are summed into its profile's columns.
department_profiles as (
    select distinct
        department_code,
        layout_profile_code
    from scopes
),

function_subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

-- The column filters are matched once against the few distinct flow classifications; the
-- ledger-sized join below is then on equality (a non-equi join over every flow row was slow).
flow_keys as (
    select distinct {{ flow_key_columns() | join(', ') }}
    from flows
),

-- Inside this model a column is carried by its position in the layout (column_order, an
-- integer): joining the ledger-sized amounts back to the frame on it instead of the text
-- column_key took 3.2 → 2.7 s at 10M lines. Both come from the same layout row; the cells
-- leave with their column_key, which is what rules address.
column_flow_keys as (
    select
        layout_columns.profile_code,
        layout_columns.table_no,
        layout_columns.column_order,
        flow_keys.*
    from layout_columns
    inner join flow_keys on {{ flow_matches('layout_columns', 'flow_keys') }}
),

-- The flows of the flow kinds some column sums (budget flows, for instance, are not).
function_flows as (
    select * from flows
    where flow in (select column_flow_keys.flow from column_flow_keys)
),

item_amounts as (
    select
        function_flows.department_code,
        function_flows.unit_code,
        function_flows.fiscal_year,
        column_flow_keys.table_no,
        column_flow_keys.column_order,
        function_flows.function_code,
        function_flows.function_section_code,
        function_flows.function_class_code,
        sum(function_flows.amount_yuan) as amount_yuan
    from function_flows
    inner join department_profiles
        on function_flows.department_code = department_profiles.department_code
    inner join column_flow_keys
        on department_profiles.layout_profile_code = column_flow_keys.profile_code
        and {{ same_flow_key('function_flows', 'column_flow_keys') }}
    group by
        function_flows.department_code, function_flows.unit_code, function_flows.fiscal_year,
        column_flow_keys.table_no, column_flow_keys.column_order,
        function_flows.function_code, function_flows.function_section_code,
        function_flows.function_class_code
),

-- 项 → 款 → 类 → 合计 in one aggregation: one grouping set per level, each summing the 项
-- amounts under its code. In each set the codes of the other levels are null, so the row's code
-- is the one code that is not (null on the 合计 row).
rolled_up as (
    select
        department_code,
        unit_code,
        fiscal_year,
        table_no,
        column_order,
        coalesce(function_code, function_section_code, function_class_code) as row_code,
        sum(amount_yuan) as amount_yuan
    from item_amounts
    group by grouping sets (
        (department_code, unit_code, fiscal_year, table_no, column_order, function_code),
        (department_code, unit_code, fiscal_year, table_no, column_order, function_section_code),
        (department_code, unit_code, fiscal_year, table_no, column_order, function_class_code),
        (department_code, unit_code, fiscal_year, table_no, column_order)
    )
),

nonzero_code_rows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        table_no,
        row_code
    from rolled_up
    where row_code is not null and amount_yuan <> 0
),

-- A row is shown when it or any row below it is non-zero, so a 款 whose 项 net to zero still
-- stands above them.
shown_code_rows as (
    select * from nonzero_code_rows
    union
    select
        department_code,
        unit_code,
        fiscal_year,
        table_no,
        {{ code_at_level('row_code', 'section') }} as row_code
    from nonzero_code_rows
    where length(row_code) > 5
    union
    select
        department_code,
        unit_code,
        fiscal_year,
        table_no,
        {{ code_at_level('row_code', 'class') }} as row_code
    from nonzero_code_rows
    where length(row_code) > 3
),

total_rows as (
    select
        scopes.department_code,
        scopes.unit_code,
        scopes.fiscal_year,
        tables.table_no,
        cast(null as {{ text_type() }}) as row_code
    from scopes
    inner join (
        select distinct
            profile_code,
            table_no
        from layout_columns
    ) as tables
        on scopes.layout_profile_code = tables.profile_code
),

shown_rows as (
    select * from total_rows
    union all
    select * from shown_code_rows
),

-- Rows are numbered before they are multiplied by the columns: the window runs over one row
-- per printed row instead of one per cell. The 合计 row comes first, or last where the profile
-- prints it at the bottom (Shanghai's 05).
profiled_rows as (
    select
        shown_rows.*,
        scopes.profile_code,
        scopes.layout_profile_code,
        case
            when shown_rows.row_code is null and profile_tables.total_position = 'bottom' then 1
            else 0
        end as is_printed_last
    from shown_rows
    inner join scopes on {{ same_scope('shown_rows', 'scopes') }}
    left join profile_tables
        on scopes.layout_profile_code = profile_tables.profile_code
        and shown_rows.table_no = profile_tables.table_no
),

ranked_rows as (
    select
        *,
        cast(row_number() over (
            partition by department_code, unit_code, fiscal_year, table_no
            order by is_printed_last, coalesce(row_code, '')
        ) as integer) as row_order
    from profiled_rows
),

frame as (
    select
        ranked_rows.*,
        coalesce(layout_columns.block, '') as block,
        layout_columns.column_order,
        layout_columns.column_key,
        layout_columns.column_group,
        layout_columns.column_label
    from ranked_rows
    inner join layout_columns
        on ranked_rows.layout_profile_code = layout_columns.profile_code
        and ranked_rows.table_no = layout_columns.table_no
),

final as (
    select
        frame.department_code,
        frame.unit_code,
        frame.fiscal_year,
        frame.table_no,
        frame.block,
        frame.row_order,
        frame.row_code,
        cast(null as integer) as line_no,
        coalesce(frame.row_code, 'total') as line_key,
        case when frame.row_code is null then '合计' else function_subjects.function_name end
            as row_label,
        frame.column_order,
        frame.column_key,
        frame.column_group,
        frame.column_label,
        frame.profile_code,
        cast(coalesce(rolled_up.amount_yuan, 0) as decimal(18, 2)) as amount_yuan
    from frame
    left join rolled_up
        on {{ same_scope('frame', 'rolled_up') }}
        and frame.table_no = rolled_up.table_no
        and frame.column_order = rolled_up.column_order
        and frame.row_code is not distinct from rolled_up.row_code
    left join function_subjects
        on frame.fiscal_year = function_subjects.fiscal_year
        and frame.row_code = function_subjects.function_code
)

select * from final
