-- Narrative facts read from the nine tables (rpt_disclosure_cells, department scope): totals,
-- income and spending structure, 类 shares, 人员/公用经费, 政府性基金, 国有资本经营, 三公.
-- Grain: one row per department, fiscal year, fact_key and item_code.
-- Columns: department_code, fiscal_year, fact_key, item_code, item_label, item_order,
-- amount_yuan, base_kind, base_yuan (see rpt_narrative_facts).
with

cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
    where unit_code is null
),

-- 一、四、五: totals compared with the year before.
totals as (
    select
        department_code,
        fiscal_year,
        case
            when table_no = '01' then 'total_income_expenditure'
            when table_no = '04' then 'appropriation_total'
            else 'general_budget_expenditure'
        end as fact_key,
        '' as item_code,
        row_label as item_label,
        1 as item_order,
        amount_yuan,
        cast(null as varchar) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where
        (table_no = '01' and line_no = 31)
        or (table_no = '04' and line_no = 32)
        or (table_no = '05' and row_code is null and column_order = 1)
),

-- 二、三: each income type's and each spending type's share of the year's total (02, 03 合计 row).
type_shares as (
    select
        parts.department_code,
        parts.fiscal_year,
        case parts.table_no when '02' then 'income_by_type' else 'expenditure_by_type' end as fact_key,
        cast(parts.column_order as varchar) as item_code,
        parts.column_label as item_label,
        parts.column_order as item_order,
        parts.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from cells as parts
    inner join cells as whole
        on parts.department_code = whole.department_code
        and parts.fiscal_year = whole.fiscal_year
        and parts.table_no = whole.table_no
        and whole.row_code is null
        and whole.column_order = 1
    where parts.table_no in ('02', '03') and parts.row_code is null and parts.column_order > 1
),

-- 五(一): 一般公共预算财政拨款支出 (05 合计) as a share of 本年支出合计 (01 line 58).
general_budget_share as (
    select
        general.department_code,
        general.fiscal_year,
        'general_budget_share' as fact_key,
        '' as item_code,
        general.row_label as item_label,
        1 as item_order,
        general.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from cells as general
    inner join cells as whole
        on general.department_code = whole.department_code
        and general.fiscal_year = whole.fiscal_year
        and whole.table_no = '01'
        and whole.line_no = 58
    where general.table_no = '05' and general.row_code is null and general.column_order = 1
),

-- 五(二): each 类 of 05 as a share of 05's 合计.
class_shares as (
    select
        classes.department_code,
        classes.fiscal_year,
        'general_budget_by_class' as fact_key,
        classes.row_code as item_code,
        classes.row_label as item_label,
        classes.row_order as item_order,
        classes.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from cells as classes
    inner join cells as whole
        on classes.department_code = whole.department_code
        and classes.fiscal_year = whole.fiscal_year
        and whole.table_no = '05'
        and whole.row_code is null
        and whole.column_order = 1
    where classes.table_no = '05' and length(classes.row_code) = 3 and classes.column_order = 1
),

-- 六: 人员经费 and 公用经费 (06 合计 rows) as shares of 基本支出 (05 合计), and the 款 they include.
basic_components as (
    select
        component.department_code,
        component.fiscal_year,
        'basic_by_component' as fact_key,
        component.block as item_code,
        component.row_label as item_label,
        component.row_order as item_order,
        component.amount_yuan,
        'whole' as base_kind,
        basic.amount_yuan as base_yuan
    from cells as component
    inner join cells as basic
        on component.department_code = basic.department_code
        and component.fiscal_year = basic.fiscal_year
        and basic.table_no = '05'
        and basic.row_code is null
        and basic.column_order = 2
    where component.table_no = '06' and component.row_code is null
),

basic_items as (
    select
        department_code,
        fiscal_year,
        case block when '人员经费' then 'basic_personnel_item' else 'basic_public_item' end as fact_key,
        row_code as item_code,
        row_label as item_label,
        row_order as item_order,
        amount_yuan,
        cast(null as varchar) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where table_no = '06' and length(row_code) = 5 and amount_yuan <> 0
),

-- 七: 政府性基金 (07 合计 row, every column).
government_fund as (
    select
        department_code,
        fiscal_year,
        'government_fund' as fact_key,
        cast(column_order as varchar) as item_code,
        column_label as item_label,
        column_order as item_order,
        amount_yuan,
        cast(null as varchar) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where table_no = '07' and row_code is null
),

-- 八: 国有资本经营: income and balances from 04's 国有资本经营 lines, spending from 08.
soe_capital as (
    select
        department_code,
        fiscal_year,
        'soe_capital' as fact_key,
        case
            when table_no = '04' and line_no = 3 then 'income'
            when table_no = '04' and line_no = 31 then 'opening'
            when table_no = '04' then 'closing'
            when column_order = 1 then 'expenditure'
            when column_order = 2 then 'basic'
            else 'project'
        end as item_code,
        case when table_no = '08' then column_label else row_label end as item_label,
        case
            when table_no = '04' and line_no = 3 then 1
            when table_no = '04' and line_no = 31 then 2
            when table_no = '04' then 6
            else 2 + column_order
        end as item_order,
        amount_yuan,
        cast(null as varchar) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where
        (table_no = '04' and line_no in (3, 31))
        or (table_no = '04' and line_no = 60 and column_label = '国有资本经营预算财政拨款')
        or (table_no = '08' and row_code is null)
),

-- 九: 三公 (09): each column's 决算数 against its 预算数, and its share of the 决算数 合计.
sangong_actual as (
    select * from cells
    where table_no = '09' and block = '决算数'
),

sangong_vs_budget as (
    select
        actual.department_code,
        actual.fiscal_year,
        'sangong' as fact_key,
        cast(actual.column_order as varchar) as item_code,
        actual.column_label as item_label,
        actual.column_order as item_order,
        actual.amount_yuan,
        'final_budget' as base_kind,
        budget.amount_yuan as base_yuan
    from sangong_actual as actual
    inner join cells as budget
        on actual.department_code = budget.department_code
        and actual.fiscal_year = budget.fiscal_year
        and budget.table_no = '09'
        and budget.block = '预算数'
        and actual.column_order = budget.column_order
),

sangong_shares as (
    select
        parts.department_code,
        parts.fiscal_year,
        'sangong_share' as fact_key,
        cast(parts.column_order as varchar) as item_code,
        parts.column_label as item_label,
        parts.column_order as item_order,
        parts.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from sangong_actual as parts
    inner join sangong_actual as whole
        on parts.department_code = whole.department_code
        and parts.fiscal_year = whole.fiscal_year
        and whole.column_order = 1
    where parts.column_order > 1
),

final as (
    select * from totals
    union all
    select * from type_shares
    union all
    select * from general_budget_share
    union all
    select * from class_shares
    union all
    select * from basic_components
    union all
    select * from basic_items
    union all
    select * from government_fund
    union all
    select * from soe_capital
    union all
    select * from sangong_vs_budget
    union all
    select * from sangong_shares
)

select * from final
