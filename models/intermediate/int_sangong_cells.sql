-- The cells of 公开09表 财政拨款"三公"经费支出决算表 (a view of them in the marts:
-- rpt_t09_sangong_expenditure). A view: rpt_disclosure_cells reads it once and stores the cells.
-- Grain: one row per reporting scope, fiscal year,
-- block (预算数 = 全年预算数, 决算数) and column. Only 财政拨款 money counts, basic and project
-- spending alike; each column sums the 三公 categories the layout assigns to it.
with

scopes as (
    select * from {{ ref('int_reporting_scopes') }}
),

layout as (
    select * from {{ ref('stg_reference__layout_t09') }}
),

unit_flows as (
    select * from {{ ref('int_ledger_flows') }}
    where is_appropriation and sangong_category_code is not null
),

-- Each unit's 三公 flows, and each department's as the sum of its units'.
flows as (
    {{ with_department_rows('unit_flows', ['fiscal_year', 'flow', 'sangong_category_code']) }}
),

frame as (
    select distinct
        scopes.department_code,
        scopes.unit_code,
        scopes.fiscal_year,
        scopes.profile_code,
        layout.block,
        layout.line_key,
        layout.row_label,
        layout.column_order,
        layout.column_key,
        layout.column_group,
        layout.column_label
    from scopes
    inner join layout
        on scopes.layout_profile_code = layout.profile_code
        and {{ valid_for_year('layout', 'scopes.fiscal_year') }}
),

-- Each department's layout profile: its 三公 flows are summed into its profile's columns.
department_profiles as (
    select distinct
        department_code,
        layout_profile_code
    from scopes
),

amounts as (
    select
        flows.department_code,
        flows.unit_code,
        flows.fiscal_year,
        layout.block,
        layout.column_key,
        sum(flows.amount_yuan) as amount_yuan
    from flows
    inner join department_profiles on flows.department_code = department_profiles.department_code
    inner join layout
        on department_profiles.layout_profile_code = layout.profile_code
        and flows.flow = layout.flows
        and flows.sangong_category_code = layout.sangong_category_code
        and {{ valid_for_year('layout', 'flows.fiscal_year') }}
    group by
        flows.department_code, flows.unit_code, flows.fiscal_year,
        layout.block, layout.column_key
),

final as (
    select
        frame.department_code,
        frame.unit_code,
        frame.fiscal_year,
        '09' as table_no,
        frame.block,
        case frame.block when '预算数' then 1 else 2 end as row_order,
        cast(null as {{ text_type() }}) as row_code,
        cast(null as integer) as line_no,
        frame.line_key,
        frame.row_label,
        frame.column_order,
        frame.column_key,
        frame.column_group,
        frame.column_label,
        frame.profile_code,
        cast(coalesce(amounts.amount_yuan, 0) as decimal(18, 2)) as amount_yuan
    from frame
    left join amounts
        on {{ same_scope('frame', 'amounts') }}
        and frame.block = amounts.block
        and frame.column_key = amounts.column_key
)

select * from final
