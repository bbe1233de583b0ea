-- The nine disclosure tables (公开01表 … 公开09表) for every unit, department and fiscal year, in one
-- hand-written DuckDB script: the benchmark's measure of what the engine alone can do. It reads
-- the ledger files in place (${ledger}/<entity>.parquet) and the layout seeds
-- (${reference}/*.csv), aggregates the ledger once, and leaves every cell in table `cells`
-- (same cells as the warehouse's rpt_disclosure_cells). No line-level table is stored, no check
-- is run.

create temp macro flow_matches(s_flows, s_fund, s_income, s_group, f_flow, f_budget, f_approp, f_income, f_group) as (
    (s_flows is null or ('|' || s_flows || '|') like ('%|' || f_flow || '|%'))
    and (s_fund is null or s_fund = f_budget or (s_fund = 'appropriation' and f_approp))
    and (s_income is null or s_income = f_income)
    and (s_group is null or s_group = f_group)
);

create temp macro valid_for(from_year, to_year, year) as (
    year >= from_year and (to_year is null or year <= to_year)
);

create temp table fund_sources as
select fund_source_code, is_appropriation::boolean as is_appropriation, nullif(budget_code, '') as budget_code
from read_csv('${reference}/ref_fund_sources.csv', all_varchar = true);

create temp table spending_types as
select spending_type_code, spending_group
from read_csv('${reference}/ref_spending_types.csv', all_varchar = true);

create temp table sangong_categories as
select economic_code, sangong_category_code
from read_csv('${reference}/ref_sangong_categories.csv', all_varchar = true);

-- The layouts of the profile the benchmark's ledgers publish in (their departments name none).
create temp table layout_columns as
select
    table_no, coalesce(block, '') as block, column_order::integer as column_order, column_label,
    nullif(flows, '') as flows, nullif(fund_filter, '') as fund_filter,
    nullif(income_type_code, '') as income_type_code, nullif(spending_group, '') as spending_group
from read_csv('${reference}/layout_columns.csv', all_varchar = true)
where profile_code = 'central-2023';

create temp table layout_lines as
select
    table_no, valid_from_year::integer as valid_from_year, valid_to_year::integer as valid_to_year,
    line_no::integer as line_no, block, nullif(row_code, '') as row_code,
    nullif(flows, '') as flows, nullif(fund_filter, '') as fund_filter,
    nullif(income_type_code, '') as income_type_code, nullif(spending_group, '') as spending_group
from (
    select '01' as table_no, * from read_csv('${reference}/layout_t01.csv', all_varchar = true)
    union all by name
    select '04' as table_no, * from read_csv('${reference}/layout_t04.csv', all_varchar = true)
)
where profile_code = 'central-2023';

create temp table layout_t06 as
select
    valid_from_year::integer as valid_from_year, valid_to_year::integer as valid_to_year,
    row_order::integer as row_order, block, nullif(row_code, '') as row_code, row_kind
from read_csv('${reference}/layout_t06.csv', all_varchar = true)
where profile_code = 'central-2023';

create temp table layout_t09 as
select
    valid_from_year::integer as valid_from_year, valid_to_year::integer as valid_to_year,
    block, flows, column_order::integer as column_order, column_label, sangong_category_code
from read_csv('${reference}/layout_t09.csv', all_varchar = true)
where profile_code = 'central-2023';

-- One pass over the ledger: every amount by unit, year, flow and classification.
create temp table unit_flows as
with lines as (
    select unit_code, fiscal_year, 'income' as flow, function_code, fund_source_code,
        income_type_code, null::varchar as spending_type_code, null::varchar as economic_code, amount_yuan
    from read_parquet('${ledger}/income_entries.parquet')
    union all
    select unit_code, fiscal_year, 'expenditure', function_code, fund_source_code,
        null, spending_type_code, economic_code, amount_yuan
    from read_parquet('${ledger}/expenditure_entries.parquet')
    union all
    select unit_code, fiscal_year, balance_type_code, function_code, fund_source_code, null, null, null, amount_yuan
    from read_parquet('${ledger}/balance_entries.parquet')
    union all
    select unit_code, fiscal_year, 'initial_budget', function_code, fund_source_code,
        null, spending_type_code, economic_code, initial_budget_yuan
    from read_parquet('${ledger}/budget_lines.parquet')
    union all
    select unit_code, fiscal_year, 'final_budget', function_code, fund_source_code,
        null, spending_type_code, economic_code, final_budget_yuan
    from read_parquet('${ledger}/budget_lines.parquet')
)
select
    units.department_code, lines.unit_code, lines.fiscal_year::integer as fiscal_year, lines.flow,
    lines.function_code, lines.fund_source_code, lines.income_type_code, lines.spending_type_code,
    lines.economic_code, sum(lines.amount_yuan::decimal(18, 2)) as amount_yuan
from lines
inner join read_parquet('${ledger}/units.parquet') as units on lines.unit_code = units.unit_code
group by all;

-- 年末结转和结余 = 年初 + 收入 + 使用非财政拨款结余 − 支出 − 结余分配, per unit, year, fund and 项.
insert into unit_flows
select
    department_code, unit_code, fiscal_year, 'closing', function_code, fund_source_code, null, null, null,
    sum(case flow when 'expenditure' then -amount_yuan when 'surplus_distribution' then -amount_yuan
        else amount_yuan end)
from unit_flows
where flow in ('income', 'expenditure', 'opening', 'use_of_surplus', 'surplus_distribution')
group by department_code, unit_code, fiscal_year, function_code, fund_source_code;

create temp table flows as
with scoped as (
    select * from unit_flows
    union all
    select department_code, null, fiscal_year, flow, function_code, fund_source_code, income_type_code,
        spending_type_code, economic_code, sum(amount_yuan)
    from unit_flows
    group by all
)
select
    scoped.*, left(scoped.function_code, 3) as function_class_code,
    fund_sources.is_appropriation, fund_sources.budget_code, spending_types.spending_group,
    left(scoped.economic_code, 3) as economic_class_code, sangong_categories.sangong_category_code
from scoped
left join fund_sources using (fund_source_code)
left join spending_types using (spending_type_code)
left join sangong_categories using (economic_code);

create temp table scopes as select distinct department_code, unit_code, fiscal_year from flows;

create temp table flow_keys as
select distinct flow, budget_code, is_appropriation, income_type_code, spending_group, function_class_code
from flows;

-- 公开01表 and 公开04表: fixed lines × columns; a cell sums the flows passing both filters.
create temp table cells_0104 as
with specs as (
    select lines.*, columns.column_order, columns.column_label,
        columns.flows as c_flows, columns.fund_filter as c_fund, columns.income_type_code as c_income,
        columns.spending_group as c_group
    from layout_lines as lines
    inner join layout_columns as columns on lines.table_no = columns.table_no and lines.block = columns.block
),
spec_keys as (
    select specs.table_no, specs.valid_from_year, specs.valid_to_year, specs.line_no, specs.column_order, k.*
    from specs, flow_keys as k
    where flow_matches(specs.flows, specs.fund_filter, specs.income_type_code, specs.spending_group,
            k.flow, k.budget_code, k.is_appropriation, k.income_type_code, k.spending_group)
        and flow_matches(specs.c_flows, specs.c_fund, specs.c_income, specs.c_group,
            k.flow, k.budget_code, k.is_appropriation, k.income_type_code, k.spending_group)
        and (specs.row_code is null or specs.row_code = k.function_class_code)
),
amounts as (
    select f.department_code, f.unit_code, f.fiscal_year, s.table_no, s.line_no, s.column_order,
        sum(f.amount_yuan) as amount_yuan
    from flows as f
    inner join spec_keys as s
        on f.flow = s.flow
        and f.budget_code is not distinct from s.budget_code
        and f.is_appropriation is not distinct from s.is_appropriation
        and f.income_type_code is not distinct from s.income_type_code
        and f.spending_group is not distinct from s.spending_group
        and f.function_class_code is not distinct from s.function_class_code
        and valid_for(s.valid_from_year, s.valid_to_year, f.fiscal_year)
    group by all
)
select scopes.department_code, scopes.unit_code, scopes.fiscal_year, specs.table_no, specs.block,
    specs.row_code, specs.line_no, specs.column_label, coalesce(amounts.amount_yuan, 0) as amount_yuan
from scopes
inner join specs on valid_for(specs.valid_from_year, specs.valid_to_year, scopes.fiscal_year)
left join amounts
    on scopes.department_code = amounts.department_code
    and scopes.unit_code is not distinct from amounts.unit_code
    and scopes.fiscal_year = amounts.fiscal_year
    and specs.table_no = amounts.table_no
    and specs.line_no = amounts.line_no
    and specs.column_order = amounts.column_order;

-- 公开02/03/05/07/08表: 合计 and every 类/款/项 with a non-zero cell (or a non-zero row below it).
create temp table cells_function as
with columns as (
    select * from layout_columns where table_no in ('02', '03', '05', '07', '08')
),
column_keys as (
    select columns.table_no, columns.column_order, k.flow, k.budget_code, k.is_appropriation,
        k.income_type_code, k.spending_group
    from columns, (select distinct flow, budget_code, is_appropriation, income_type_code, spending_group
        from flow_keys) as k
    where flow_matches(columns.flows, columns.fund_filter, columns.income_type_code, columns.spending_group,
        k.flow, k.budget_code, k.is_appropriation, k.income_type_code, k.spending_group)
),
items as (
    select f.department_code, f.unit_code, f.fiscal_year, c.table_no, c.column_order, f.function_code,
        sum(f.amount_yuan) as amount_yuan
    from flows as f
    inner join column_keys as c
        on f.flow = c.flow
        and f.budget_code is not distinct from c.budget_code
        and f.is_appropriation is not distinct from c.is_appropriation
        and f.income_type_code is not distinct from c.income_type_code
        and f.spending_group is not distinct from c.spending_group
    group by all
),
rolled as (
    select department_code, unit_code, fiscal_year, table_no, column_order,
        grouping_code as row_code, sum(amount_yuan) as amount_yuan
    from (
        select *, function_code as grouping_code from items
        union all select *, left(function_code, 5) from items
        union all select *, left(function_code, 3) from items
        union all select *, null from items
    )
    group by all
),
nonzero as (
    select distinct department_code, unit_code, fiscal_year, table_no, row_code
    from rolled where row_code is not null and amount_yuan <> 0
),
shown as (
    select department_code, unit_code, fiscal_year, table_no, row_code from nonzero
    union select department_code, unit_code, fiscal_year, table_no, left(row_code, 5) from nonzero
    where length(row_code) > 5
    union select department_code, unit_code, fiscal_year, table_no, left(row_code, 3) from nonzero
    where length(row_code) > 3
    union all select scopes.*, t.table_no, null from scopes, (select distinct table_no from columns) as t
)
select shown.department_code, shown.unit_code, shown.fiscal_year, shown.table_no, columns.block,
    shown.row_code, null::integer as line_no, columns.column_label,
    coalesce(rolled.amount_yuan, 0) as amount_yuan
from shown
inner join columns on shown.table_no = columns.table_no
left join rolled
    on shown.department_code = rolled.department_code
    and shown.unit_code is not distinct from rolled.unit_code
    and shown.fiscal_year = rolled.fiscal_year
    and shown.table_no = rolled.table_no
    and columns.column_order = rolled.column_order
    and shown.row_code is not distinct from rolled.row_code;

-- 公开06表: 一般公共预算 basic spending by economic class, 款 and block total.
create temp table cells_06 as
with decision as (select * from layout_columns where table_no = '06'),
basic as (
    select f.department_code, f.unit_code, f.fiscal_year, f.economic_code, f.economic_class_code,
        class_rows.block, f.amount_yuan
    from flows as f
    inner join decision
        on flow_matches(decision.flows, decision.fund_filter, decision.income_type_code,
            decision.spending_group, f.flow, f.budget_code, f.is_appropriation, f.income_type_code,
            f.spending_group)
    inner join layout_t06 as class_rows
        on class_rows.row_kind = 'class' and class_rows.row_code = f.economic_class_code
        and class_rows.block = decision.block
        and valid_for(class_rows.valid_from_year, class_rows.valid_to_year, f.fiscal_year)
    where f.flow = 'expenditure' and f.budget_code = 'general_public' and f.spending_group = 'basic'
),
amounts as (
    select department_code, unit_code, fiscal_year, block, 'class' as row_kind,
        economic_class_code as row_code, sum(amount_yuan) as amount_yuan
    from basic group by all
    union all
    select department_code, unit_code, fiscal_year, block, 'section', economic_code, sum(amount_yuan)
    from basic group by all
    union all
    select department_code, unit_code, fiscal_year, block, 'block_total', null, sum(amount_yuan)
    from basic group by all
)
select scopes.department_code, scopes.unit_code, scopes.fiscal_year, '06' as table_no, layout.block,
    layout.row_code, null::integer as line_no, decision.column_label,
    coalesce(amounts.amount_yuan, 0) as amount_yuan
from scopes
inner join layout_t06 as layout on valid_for(layout.valid_from_year, layout.valid_to_year, scopes.fiscal_year)
inner join decision on layout.block = decision.block
left join amounts
    on scopes.department_code = amounts.department_code
    and scopes.unit_code is not distinct from amounts.unit_code
    and scopes.fiscal_year = amounts.fiscal_year
    and layout.block = amounts.block
    and layout.row_kind = amounts.row_kind
    and layout.row_code is not distinct from amounts.row_code;

-- 公开09表: 三公 categories of 财政拨款 money, 预算数 (全年预算) and 决算数.
create temp table cells_09 as
with amounts as (
    select f.department_code, f.unit_code, f.fiscal_year, l.block, l.column_order,
        sum(f.amount_yuan) as amount_yuan
    from flows as f
    inner join layout_t09 as l
        on f.flow = l.flows and f.sangong_category_code = l.sangong_category_code
        and valid_for(l.valid_from_year, l.valid_to_year, f.fiscal_year)
    where f.is_appropriation
    group by all
),
frame as (
    select distinct scopes.*, l.block, l.column_order, l.column_label
    from scopes
    inner join layout_t09 as l on valid_for(l.valid_from_year, l.valid_to_year, scopes.fiscal_year)
)
select frame.department_code, frame.unit_code, frame.fiscal_year, '09' as table_no, frame.block,
    null::varchar as row_code, null::integer as line_no, frame.column_label,
    coalesce(amounts.amount_yuan, 0) as amount_yuan
from frame
left join amounts
    on frame.department_code = amounts.department_code
    and frame.unit_code is not distinct from amounts.unit_code
    and frame.fiscal_year = amounts.fiscal_year
    and frame.block = amounts.block
    and frame.column_order = amounts.column_order;

create table cells as
select department_code, unit_code, fiscal_year, table_no, coalesce(block, '') as block, row_code,
    line_no, column_label, amount_yuan::decimal(18, 2) as amount_yuan
from (
    select * from cells_0104
    union all select * from cells_function
    union all select * from cells_06
    union all select * from cells_09
);
