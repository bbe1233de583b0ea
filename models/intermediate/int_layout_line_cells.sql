-- Grain: one row per reporting scope, fiscal year, table (01, 04), line and column: every cell
-- of the two fixed-layout summary tables, zeros included, in the layout of the scope's profile.
-- The frame (scopes × their profile's layout lines × columns) is built first; a cell sums the
-- flows that pass both its line's and its column's filter (and the line's 类, where it has one),
-- coalesced to 0.
with

scopes as (
    select * from {{ ref('int_reporting_scopes') }}
),

lines as (
    select * from {{ ref('int_layout_lines') }}
),

layout_columns as (
    select * from {{ ref('stg_reference__layout_columns') }}
),

flows as (
    select * from {{ ref('int_ledger_flows_by_item') }}
),

cell_specs as (
    select
        lines.profile_code,
        lines.table_no,
        lines.valid_from_year,
        lines.valid_to_year,
        lines.block,
        lines.line_no,
        lines.line_key,
        lines.row_code,
        lines.row_label,
        layout_columns.column_order,
        layout_columns.column_key,
        layout_columns.column_group,
        layout_columns.column_label,
        lines.flows as line_flows,
        lines.fund_filter as line_fund_filter,
        lines.income_type_code as line_income_type_code,
        lines.spending_group as line_spending_group,
        layout_columns.flows as column_flows,
        layout_columns.fund_filter as column_fund_filter,
        layout_columns.income_type_code as column_income_type_code,
        layout_columns.spending_group as column_spending_group
    from lines
    inner join layout_columns
        on lines.profile_code = layout_columns.profile_code
        and lines.table_no = layout_columns.table_no
        and lines.block = layout_columns.block
),

frame as (
    select
        scopes.department_code,
        scopes.unit_code,
        scopes.fiscal_year,
        scopes.profile_code as scope_profile_code,
        scopes.prints_line_no,
        cell_specs.*
    from scopes
    inner join cell_specs
        on scopes.layout_profile_code = cell_specs.profile_code
        and {{ valid_for_year('cell_specs', 'scopes.fiscal_year') }}
),

-- Each department's layout profile: the amounts of a scope are matched to its profile's lines.
department_profiles as (
    select distinct
        department_code,
        layout_profile_code
    from scopes
),

-- The layout filters are matched once against the few distinct flow classifications, not
-- against every flow row: a non-equi join over the whole ledger was the build's slowest step.
flow_keys as (
    select distinct {{ flow_key_columns() | join(', ') }}, function_class_code
    from flows
),

-- Inside this model a cell is carried by its printed position (line_no, column_order:
-- integers) rather than its text keys: the amounts meet the frame on them, which is cheaper at
-- province scale (BENCHMARKS.md). Both come from the same layout rows; the cells leave with
-- their line_key and column_key, which is what rules address.
spec_keys as (
    select
        cell_specs.profile_code,
        cell_specs.table_no,
        cell_specs.valid_from_year,
        cell_specs.valid_to_year,
        cell_specs.line_no,
        cell_specs.column_order,
        flow_keys.*
    from cell_specs
    inner join flow_keys
        on {{ flow_matches('cell_specs', 'flow_keys', 'line_') }}
        and {{ flow_matches('cell_specs', 'flow_keys', 'column_') }}
        and (cell_specs.row_code is null or cell_specs.row_code = flow_keys.function_class_code)
),

keyed_flows as (
    select
        grouped.*,
        department_profiles.layout_profile_code
    from (
        select
            department_code,
            unit_code,
            fiscal_year,
            {{ flow_key_columns() | join(', ') }},
            function_class_code,
            sum(amount_yuan) as amount_yuan
        from flows
        group by
            department_code,
            unit_code,
            fiscal_year,
            {{ flow_key_columns() | join(', ') }},
            function_class_code
    ) as grouped
    inner join department_profiles on grouped.department_code = department_profiles.department_code
),

amounts as (
    select
        keyed_flows.department_code,
        keyed_flows.unit_code,
        keyed_flows.fiscal_year,
        spec_keys.table_no,
        spec_keys.line_no,
        spec_keys.column_order,
        sum(keyed_flows.amount_yuan) as amount_yuan
    from keyed_flows
    inner join spec_keys
        on keyed_flows.layout_profile_code = spec_keys.profile_code
        and {{ same_flow_key('keyed_flows', 'spec_keys') }}
        and keyed_flows.function_class_code is not distinct from spec_keys.function_class_code
        and {{ valid_for_year('spec_keys', 'keyed_flows.fiscal_year') }}
    group by
        keyed_flows.department_code, keyed_flows.unit_code, keyed_flows.fiscal_year,
        spec_keys.table_no, spec_keys.line_no, spec_keys.column_order
),

final as (
    select
        frame.department_code,
        frame.unit_code,
        frame.fiscal_year,
        frame.table_no,
        frame.block,
        frame.line_no as row_order,
        frame.row_code,
        case when frame.prints_line_no then frame.line_no end as line_no,
        frame.line_key,
        frame.row_label,
        frame.column_order,
        frame.column_key,
        frame.column_group,
        frame.column_label,
        frame.scope_profile_code as profile_code,
        cast(coalesce(amounts.amount_yuan, 0) as decimal(18, 2)) as amount_yuan
    from frame
    left join amounts
        on {{ same_scope('frame', 'amounts') }}
        and frame.table_no = amounts.table_no
        and frame.line_no = amounts.line_no
        and frame.column_order = amounts.column_order
)

select * from final
