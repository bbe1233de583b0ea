-- Narrative facts read from the nine tables (rpt_disclosure_cells, department scope): totals,
-- income and spending structure, 类 shares, 人员/公用经费, 政府性基金, 国有资本经营, 三公.
-- Grain: one row per department, fiscal year, fact_key and member_key. Cells are addressed by
-- their line_key and column_key; a fact whose members are a table's columns takes the
-- column_key as member_key.
-- Columns: department_code, fiscal_year, fact_key, member_key, member_label, member_order,
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
        '' as member_key,
        row_label as member_label,
        1 as member_order,
        amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where
        (table_no = '01' and line_key = 'grand_total_income')
        or (table_no = '04' and line_key = 'grand_total_income')
        or (table_no = '05' and line_key = 'total' and column_key = 'total')
),

-- 二、三: each income type's and each spending type's share of the year's total (02, 03 合计 row).
type_shares as (
    select
        parts.department_code,
        parts.fiscal_year,
        case parts.table_no when '02' then 'income_by_type' else 'expenditure_by_type' end as fact_key,
        parts.column_key as member_key,
        parts.column_label as member_label,
        parts.column_order as member_order,
        parts.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from cells as parts
    inner join cells as whole
        on parts.department_code = whole.department_code
        and parts.fiscal_year = whole.fiscal_year
        and parts.table_no = whole.table_no
        and whole.line_key = 'total'
        and whole.column_key = 'total'
    where parts.table_no in ('02', '03') and parts.line_key = 'total' and parts.column_key <> 'total'
),

-- 五(一): 一般公共预算财政拨款支出 (05 合计) as a share of 本年支出合计 (01).
general_budget_share as (
    select
        general.department_code,
        general.fiscal_year,
        'general_budget_share' as fact_key,
        '' as member_key,
        general.row_label as member_label,
        1 as member_order,
        general.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from cells as general
    inner join cells as whole
        on general.department_code = whole.department_code
        and general.fiscal_year = whole.fiscal_year
        and whole.table_no = '01'
        and whole.line_key = 'total_expenditure'
    where general.table_no = '05' and general.line_key = 'total' and general.column_key = 'total'
),

-- 五(二): each 类 of 05 as a share of 05's 合计.
class_shares as (
    select
        classes.department_code,
        classes.fiscal_year,
        'general_budget_by_class' as fact_key,
        classes.row_code as member_key,
        classes.row_label as member_label,
        classes.row_order as member_order,
        classes.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from cells as classes
    inner join cells as whole
        on classes.department_code = whole.department_code
        and classes.fiscal_year = whole.fiscal_year
        and whole.table_no = '05'
        and whole.line_key = 'total'
        and whole.column_key = 'total'
    where classes.table_no = '05' and length(classes.row_code) = 3 and classes.column_key = 'total'
),

-- 六: 人员经费 and 公用经费 (06's two block totals) as shares of 基本支出 (05 合计), and the
-- economic 款 they include.
basic_components as (
    select
        component.department_code,
        component.fiscal_year,
        'basic_by_component' as fact_key,
        component.line_key as member_key,
        component.row_label as member_label,
        component.row_order as member_order,
        component.amount_yuan,
        'whole' as base_kind,
        basic.amount_yuan as base_yuan
    from cells as component
    inner join cells as basic
        on component.department_code = basic.department_code
        and component.fiscal_year = basic.fiscal_year
        and basic.table_no = '05'
        and basic.line_key = 'total'
        and basic.column_key = 'basic'
    where component.table_no = '06' and component.line_key in ('personnel_total', 'public_total')
),

basic_sections as (
    select
        department_code,
        fiscal_year,
        case block when '人员经费' then 'basic_personnel_section' else 'basic_public_section' end as fact_key,
        row_code as member_key,
        row_label as member_label,
        row_order as member_order,
        amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
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
        column_key as member_key,
        column_label as member_label,
        column_order as member_order,
        amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where table_no = '07' and line_key = 'total'
),

-- 八: 国有资本经营: income and balances from 04's 国有资本经营 lines, spending from 08.
soe_capital as (
    select
        department_code,
        fiscal_year,
        'soe_capital' as fact_key,
        -- The same member keys as 政府性基金's (07's column keys), so both parts read alike.
        case
            when line_key = 'income_soe_capital' then 'income'
            when line_key = 'opening_soe_capital' then 'opening_balance'
            when line_key = 'closing_balance' then 'closing_balance'
            when column_key = 'total' then 'expenditure_subtotal'
            else column_key
        end as member_key,
        case when table_no = '08' then column_label else row_label end as member_label,
        case
            when line_key = 'income_soe_capital' then 1
            when line_key = 'opening_soe_capital' then 2
            when line_key = 'closing_balance' then 6
            when column_key = 'total' then 3
            when column_key = 'basic' then 4
            else 5
        end as member_order,
        amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from cells
    where
        (table_no = '04' and line_key in ('income_soe_capital', 'opening_soe_capital'))
        or (table_no = '04' and line_key = 'closing_balance' and column_key = 'soe_capital')
        -- 08's spending columns only: a profile whose 08 also prints 年初/本年收入/年末
        -- (shanghai-2024) has them from 04 already.
        or (table_no = '08' and line_key = 'total' and column_key in ('total', 'basic', 'project'))
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
        actual.column_key as member_key,
        actual.column_label as member_label,
        actual.column_order as member_order,
        actual.amount_yuan,
        'final_budget' as base_kind,
        budget.amount_yuan as base_yuan
    from sangong_actual as actual
    inner join cells as budget
        on actual.department_code = budget.department_code
        and actual.fiscal_year = budget.fiscal_year
        and budget.table_no = '09'
        and budget.block = '预算数'
        and actual.column_key = budget.column_key
),

sangong_shares as (
    select
        parts.department_code,
        parts.fiscal_year,
        'sangong_share' as fact_key,
        parts.column_key as member_key,
        parts.column_label as member_label,
        parts.column_order as member_order,
        parts.amount_yuan,
        'whole' as base_kind,
        whole.amount_yuan as base_yuan
    from sangong_actual as parts
    inner join sangong_actual as whole
        on parts.department_code = whole.department_code
        and parts.fiscal_year = whole.fiscal_year
        and whole.column_key = 'total'
    where parts.column_key <> 'total'
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
    select * from basic_sections
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
