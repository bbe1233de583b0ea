-- The cells of 公开06表 一般公共预算财政拨款基本支出决算明细表 (a view of them in the marts:
-- rpt_t06_general_budget_basic_expenditure). Grain: one row per reporting scope, fiscal year and
-- layout row (economic 类, 款, or block total); one column, 决算数.
-- A view: rpt_disclosure_cells reads it once and stores the cells.
-- A class row sums all its 款; a block total (人员经费合计, 公用经费合计) sums every class the
-- layout lists in that block (人员经费: 301, 303; 公用经费: the others), so spending on a class the
-- layout lacks shows up as a gap against 公开05表 (tested), never silently in the wrong row.
with

scopes as (
    select * from {{ ref('int_reporting_scopes') }}
),

layout as (
    select * from {{ ref('stg_reference__layout_t06') }}
),

actual_column as (
    select * from {{ ref('stg_reference__layout_columns') }}
    where table_no = '06'
),

flows as (
    select * from {{ ref('int_ledger_flows') }}
),

frame as (
    select
        scopes.department_code,
        scopes.unit_code,
        scopes.fiscal_year,
        scopes.profile_code,
        layout.block,
        layout.row_order,
        layout.line_key,
        layout.row_code,
        layout.row_label,
        layout.row_kind,
        actual_column.column_order,
        actual_column.column_key,
        actual_column.column_label
    from scopes
    inner join layout
        on scopes.layout_profile_code = layout.profile_code
        and {{ valid_for_year('layout', 'scopes.fiscal_year') }}
    inner join actual_column
        on layout.profile_code = actual_column.profile_code
        and layout.block = actual_column.block
),

-- Each department's layout profile: a department's flows fall into its profile's class rows.
department_profiles as (
    select distinct
        department_code,
        layout_profile_code
    from scopes
),

-- The column filter is matched once against the distinct flow classifications; the ledger-sized
-- joins are then on equality.
flow_keys as (
    select distinct {{ flow_key_columns() | join(', ') }}
    from flows
),

column_flow_keys as (
    select
        actual_column.profile_code,
        actual_column.block,
        flow_keys.*
    from actual_column
    inner join flow_keys on {{ flow_matches('actual_column', 'flow_keys') }}
),

basic_flows as (
    select
        flows.department_code,
        flows.unit_code,
        flows.fiscal_year,
        flows.economic_code,
        flows.economic_class_code,
        class_rows.block,
        flows.amount_yuan
    from flows
    inner join department_profiles on flows.department_code = department_profiles.department_code
    inner join column_flow_keys
        on department_profiles.layout_profile_code = column_flow_keys.profile_code
        and {{ same_flow_key('flows', 'column_flow_keys') }}
    inner join layout as class_rows
        on class_rows.row_kind = 'class'
        and class_rows.profile_code = column_flow_keys.profile_code
        and class_rows.row_code = flows.economic_class_code
        and column_flow_keys.block = class_rows.block
        and {{ valid_for_year('class_rows', 'flows.fiscal_year') }}
),

-- Each unit's basic flows, and each department's as the sum of its units'.
scoped_basic_flows as (
    {{ with_department_rows(
        'basic_flows', ['fiscal_year', 'economic_code', 'economic_class_code', 'block']
    ) }}
),

-- A class row sums its 款, a section row its own 款, a block total every listed class.
amounts as (
    select
        department_code,
        unit_code,
        fiscal_year,
        block,
        'class' as row_kind,
        economic_class_code as row_code,
        sum(amount_yuan) as amount_yuan
    from scoped_basic_flows
    group by department_code, unit_code, fiscal_year, block, economic_class_code
    union all
    select
        department_code,
        unit_code,
        fiscal_year,
        block,
        'section' as row_kind,
        economic_code as row_code,
        sum(amount_yuan) as amount_yuan
    from scoped_basic_flows
    group by department_code, unit_code, fiscal_year, block, economic_code
    union all
    select
        department_code,
        unit_code,
        fiscal_year,
        block,
        'block_total' as row_kind,
        cast(null as {{ text_type() }}) as row_code,
        sum(amount_yuan) as amount_yuan
    from scoped_basic_flows
    group by department_code, unit_code, fiscal_year, block
),

final as (
    select
        frame.department_code,
        frame.unit_code,
        frame.fiscal_year,
        '06' as table_no,
        frame.block,
        frame.row_order,
        frame.row_code,
        cast(null as integer) as line_no,
        frame.line_key,
        frame.row_label,
        frame.column_order,
        frame.column_key,
        cast(null as {{ text_type() }}) as column_group,
        frame.column_label,
        frame.profile_code,
        cast(coalesce(amounts.amount_yuan, 0) as decimal(18, 2)) as amount_yuan
    from frame
    left join amounts
        on {{ same_scope('frame', 'amounts') }}
        and frame.block = amounts.block
        and frame.row_kind = amounts.row_kind
        and frame.row_code is not distinct from amounts.row_code
)

select * from final
