-- Narrative facts the tables do not hold, from the classified ledger: 年初预算 by 项 against 05's
-- 项 rows, 机关运行经费 (公用经费 of 行政 and 参公 units) against its budget, chosen economic 款
-- (会议费, 培训费, 办公经费 …) across basic and project spending, and budget execution of the
-- department and of each project. Grain: one row per department, fiscal year, fact_key and
-- member_key.
-- Columns: department_code, fiscal_year, fact_key, member_key, member_label, member_order,
-- amount_yuan, base_kind, base_yuan (see rpt_narrative_facts).
with

cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
    where unit_code is null
),

unit_cells as (
    select * from {{ ref('rpt_disclosure_cells') }}
    where unit_code is not null
),

units as (
    select * from {{ ref('int_units_with_departments') }}
),

-- Unit rows: a department's figure is their sum (grouped by department below).
flows as (
    select * from {{ ref('int_ledger_flows') }}
),

spending as (
    select * from {{ ref('int_expenditure_entries_classified') }}
),

budget_lines as (
    select * from {{ ref('int_budget_lines_classified') }}
),

-- Project names by department and year: a project code is unique within a department's year,
-- not across departments (a provincial ledger reuses codes).
projects as (
    select
        units.department_code,
        project_list.fiscal_year,
        project_list.project_code,
        min(project_list.project_name) as project_name
    from {{ ref('stg_ledger__projects') }} as project_list
    inner join units on project_list.unit_code = units.unit_code
    group by units.department_code, project_list.fiscal_year, project_list.project_code
),

goals as (
    select * from {{ ref('stg_narrative__performance_goals') }}
),

function_subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

-- 五(三): 年初预算 (一般公共预算财政拨款, by 项, from the ledger's budget lines) against 05's 项 rows.
initial_budget_by_item as (
    select
        department_code,
        fiscal_year,
        function_code,
        sum(amount_yuan) as amount_yuan
    from flows
    where flow = 'initial_budget' and budget_code = 'general_public'
    group by department_code, fiscal_year, function_code
),

spent_by_item as (
    select
        department_code,
        fiscal_year,
        row_code as function_code,
        amount_yuan
    from cells
    where table_no = '05' and length(row_code) = 7 and column_key = 'total'
),

function_budget as (
    select
        coalesce(spent.department_code, budget.department_code) as department_code,
        coalesce(spent.fiscal_year, budget.fiscal_year) as fiscal_year,
        'function_budget' as fact_key,
        coalesce(spent.function_code, budget.function_code) as member_key,
        class.function_name || '（类）' || section.function_name || '（款）'
        || item.function_name || '（项）' as member_label,
        cast(coalesce(spent.function_code, budget.function_code) as integer) as member_order,
        coalesce(spent.amount_yuan, 0) as amount_yuan,
        'initial_budget' as base_kind,
        coalesce(budget.amount_yuan, 0) as base_yuan
    from spent_by_item as spent
    full outer join initial_budget_by_item as budget
        on spent.department_code = budget.department_code
        and spent.fiscal_year = budget.fiscal_year
        and spent.function_code = budget.function_code
    left join function_subjects as item
        on coalesce(spent.fiscal_year, budget.fiscal_year) = item.fiscal_year
        and coalesce(spent.function_code, budget.function_code) = item.function_code
    left join function_subjects as section
        on item.fiscal_year = section.fiscal_year
        and {{ code_at_level('item.function_code', 'section') }} = section.function_code
    left join function_subjects as class
        on item.fiscal_year = class.fiscal_year
        and {{ code_at_level('item.function_code', 'class') }} = class.function_code
),

function_budget_total as (
    select
        department_code,
        fiscal_year,
        'function_budget_total' as fact_key,
        '' as member_key,
        '合计' as member_label,
        1 as member_order,
        sum(amount_yuan) as amount_yuan,
        'initial_budget' as base_kind,
        sum(base_yuan) as base_yuan
    from function_budget
    group by department_code, fiscal_year
),

-- 十: 机关运行经费 = 公用经费 (06) of the units that report it (行政, 参公), against their
-- 年初预算 for 公用经费 (一般公共预算).
office_units as (
    select unit_code from units
    where reports_office_running_cost
),

office_cost as (
    select
        unit_cells.department_code,
        unit_cells.fiscal_year,
        sum(unit_cells.amount_yuan) as amount_yuan
    from unit_cells
    inner join office_units on unit_cells.unit_code = office_units.unit_code
    where unit_cells.table_no = '06' and unit_cells.line_key = 'public_total'
    group by unit_cells.department_code, unit_cells.fiscal_year
),

office_budget as (
    select
        flows.department_code,
        flows.fiscal_year,
        sum(flows.amount_yuan) as amount_yuan
    from flows
    inner join office_units on flows.unit_code = office_units.unit_code
    where
        flows.flow = 'initial_budget'
        and flows.budget_code = 'general_public'
        and flows.spending_type_code = 'basic_public'
    group by flows.department_code, flows.fiscal_year
),

office_running_cost as (
    select
        coalesce(office_cost.department_code, office_budget.department_code) as department_code,
        coalesce(office_cost.fiscal_year, office_budget.fiscal_year) as fiscal_year,
        'office_running_cost' as fact_key,
        '' as member_key,
        '机关运行经费' as member_label,
        1 as member_order,
        coalesce(office_cost.amount_yuan, 0) as amount_yuan,
        'initial_budget' as base_kind,
        coalesce(office_budget.amount_yuan, 0) as base_yuan
    from office_cost
    full outer join office_budget
        on office_cost.department_code = office_budget.department_code
        and office_cost.fiscal_year = office_budget.fiscal_year
),

-- 十一 and the annex: 财政拨款 spending on chosen economic 款 (basic and project alike),
-- against their 年初预算.
expense_groups as (
    select
        groups.member_key,
        groups.member_label,
        groups.member_order,
        groups.economic_code
    from (
        values
        ('meeting_fee', '会议费', 1, '30215'),
        ('training_fee', '培训费', 2, '30216'),
        ('office_fee', '办公经费', 3, '30201'),
        ('utilities_travel_fee', '水费、电费、差旅费', 4, '30205'),
        ('utilities_travel_fee', '水费、电费、差旅费', 4, '30206'),
        ('utilities_travel_fee', '水费、电费、差旅费', 4, '30211'),
        ('meeting_training_fee', '会议费、培训费', 5, '30215'),
        ('meeting_training_fee', '会议费、培训费', 5, '30216')
    ) as groups (member_key, member_label, member_order, economic_code)
),

expense_spent as (
    select
        spending.department_code,
        spending.fiscal_year,
        expense_groups.member_key,
        sum(spending.amount_yuan) as amount_yuan
    from spending
    inner join expense_groups on spending.economic_code = expense_groups.economic_code
    where spending.is_appropriation
    group by spending.department_code, spending.fiscal_year, expense_groups.member_key
),

expense_budget as (
    select
        budget_lines.department_code,
        budget_lines.fiscal_year,
        expense_groups.member_key,
        sum(budget_lines.initial_budget_yuan) as amount_yuan
    from budget_lines
    inner join expense_groups on budget_lines.economic_code = expense_groups.economic_code
    where budget_lines.is_appropriation
    group by budget_lines.department_code, budget_lines.fiscal_year, expense_groups.member_key
),

expense_frame as (
    select distinct
        scopes.department_code,
        scopes.fiscal_year,
        expense_groups.member_key,
        expense_groups.member_label,
        expense_groups.member_order
    from cells as scopes
    cross join expense_groups
),

general_expenses as (
    select
        expense_frame.department_code,
        expense_frame.fiscal_year,
        'general_expense' as fact_key,
        expense_frame.member_key,
        expense_frame.member_label,
        expense_frame.member_order,
        coalesce(expense_spent.amount_yuan, 0) as amount_yuan,
        'initial_budget' as base_kind,
        coalesce(expense_budget.amount_yuan, 0) as base_yuan
    from expense_frame
    left join expense_spent
        on expense_frame.department_code = expense_spent.department_code
        and expense_frame.fiscal_year = expense_spent.fiscal_year
        and expense_frame.member_key = expense_spent.member_key
    left join expense_budget
        on expense_frame.department_code = expense_budget.department_code
        and expense_frame.fiscal_year = expense_budget.fiscal_year
        and expense_frame.member_key = expense_budget.member_key
),

-- The annex's 公用经费 line: 302 商品和服务支出 of basic spending (06), against the 年初预算 of
-- all 公用经费 budget lines (一般公共预算).
annex_public_cost as (
    select
        cells.department_code,
        cells.fiscal_year,
        'general_expense' as fact_key,
        'public_goods_services' as member_key,
        '公用经费' as member_label,
        0 as member_order,
        cells.amount_yuan,
        'initial_budget' as base_kind,
        coalesce(sum(flows.amount_yuan), 0) as base_yuan
    from cells
    left join flows
        on cells.department_code = flows.department_code
        and cells.fiscal_year = flows.fiscal_year
        and flows.flow = 'initial_budget'
        and flows.budget_code = 'general_public'
        and flows.spending_type_code = 'basic_public'
    where cells.table_no = '06' and cells.row_code = '302'
    group by cells.department_code, cells.fiscal_year, cells.amount_yuan
),

-- 十四 and the annex: execution of the whole budget and of each project
-- (执行率 = 全年执行数 / 全年预算数).
project_spent as (
    select
        department_code,
        fiscal_year,
        project_code,
        sum(amount_yuan) as amount_yuan
    from spending
    where project_code is not null
    group by department_code, fiscal_year, project_code
),

project_budget as (
    select
        department_code,
        fiscal_year,
        project_code,
        sum(initial_budget_yuan) as initial_budget_yuan,
        sum(final_budget_yuan) as final_budget_yuan
    from budget_lines
    where project_code is not null
    group by department_code, fiscal_year, project_code
),

project_keys as (
    select
        coalesce(project_spent.department_code, project_budget.department_code) as department_code,
        coalesce(project_spent.fiscal_year, project_budget.fiscal_year) as fiscal_year,
        coalesce(project_spent.project_code, project_budget.project_code) as project_code,
        coalesce(project_spent.amount_yuan, 0) as amount_yuan,
        coalesce(project_budget.final_budget_yuan, 0) as final_budget_yuan
    from project_spent
    full outer join project_budget
        on project_spent.department_code = project_budget.department_code
        and project_spent.fiscal_year = project_budget.fiscal_year
        and project_spent.project_code = project_budget.project_code
),

project_execution as (
    select
        project_keys.department_code,
        project_keys.fiscal_year,
        'project_execution' as fact_key,
        project_keys.project_code as member_key,
        coalesce(projects.project_name, project_keys.project_code) as member_label,
        row_number() over (
            partition by project_keys.department_code, project_keys.fiscal_year
            order by project_keys.project_code
        ) as member_order,
        project_keys.amount_yuan,
        'final_budget' as base_kind,
        project_keys.final_budget_yuan as base_yuan
    from project_keys
    left join projects
        on project_keys.department_code = projects.department_code
        and project_keys.fiscal_year = projects.fiscal_year
        and project_keys.project_code = projects.project_code
),

project_initial_budget as (
    select
        project_budget.department_code,
        project_budget.fiscal_year,
        'project_initial_budget' as fact_key,
        project_budget.project_code as member_key,
        projects.project_name as member_label,
        1 as member_order,
        project_budget.initial_budget_yuan as amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from project_budget
    left join projects
        on project_budget.department_code = projects.department_code
        and project_budget.fiscal_year = projects.fiscal_year
        and project_budget.project_code = projects.project_code
),

budget_totals as (
    select
        department_code,
        fiscal_year,
        sum(initial_budget_yuan) as initial_budget_yuan,
        sum(final_budget_yuan) as final_budget_yuan,
        sum(case when spending_group = 'project' then initial_budget_yuan else 0 end)
            as project_initial_budget_yuan
    from budget_lines
    group by department_code, fiscal_year
),

department_execution as (
    select
        cells.department_code,
        cells.fiscal_year,
        'department_execution' as fact_key,
        '' as member_key,
        '年度资金总额' as member_label,
        1 as member_order,
        cells.amount_yuan,
        'final_budget' as base_kind,
        coalesce(budget_totals.final_budget_yuan, 0) as base_yuan
    from cells
    left join budget_totals
        on cells.department_code = budget_totals.department_code
        and cells.fiscal_year = budget_totals.fiscal_year
    where cells.table_no = '01' and cells.line_key = 'total_expenditure'
    union all
    select
        department_code,
        fiscal_year,
        'department_initial_budget' as fact_key,
        '' as member_key,
        '年初预算数' as member_label,
        1 as member_order,
        initial_budget_yuan as amount_yuan,
        null as base_kind,
        null as base_yuan
    from budget_totals
    union all
    select
        department_code,
        fiscal_year,
        'project_initial_budget_total' as fact_key,
        '' as member_key,
        '项目支出年初预算数' as member_label,
        1 as member_order,
        project_initial_budget_yuan as amount_yuan,
        null as base_kind,
        null as base_yuan
    from budget_totals
),

-- 十四: the projects the department evaluated (a goal row in narrative_performance_goals), as a
-- share of all project spending.
evaluated_projects as (
    select
        project_execution.department_code,
        project_execution.fiscal_year,
        'evaluated_projects' as fact_key,
        '' as member_key,
        '开展绩效自评的项目' as member_label,
        1 as member_order,
        coalesce(sum(case when goals.scope_code is not null then project_execution.amount_yuan end), 0)
            as amount_yuan,
        'whole' as base_kind,
        sum(project_execution.amount_yuan) as base_yuan
    from project_execution
    left join goals
        on project_execution.department_code = goals.department_code
        and project_execution.fiscal_year = goals.fiscal_year
        and project_execution.member_key = goals.scope_code
    group by project_execution.department_code, project_execution.fiscal_year
),

-- The annex's 三公 预算数 is the 年初预算 (the table's 预算数 is the 全年预算): per 三公 category and in total.
sangong_initial_by_item as (
    select
        department_code,
        fiscal_year,
        sangong_category_code,
        sum(amount_yuan) as amount_yuan
    from flows
    where flow = 'initial_budget' and is_appropriation and sangong_category_code is not null
    group by department_code, fiscal_year, sangong_category_code
),

sangong_initial_budget as (
    select
        department_code,
        fiscal_year,
        'sangong_initial_budget' as fact_key,
        sangong_category_code as member_key,
        sangong_category_code as member_label,
        1 as member_order,
        amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from sangong_initial_by_item
    union all
    select
        department_code,
        fiscal_year,
        'sangong_initial_budget' as fact_key,
        'total' as member_key,
        '合计' as member_label,
        0 as member_order,
        sum(amount_yuan) as amount_yuan,
        null as base_kind,
        null as base_yuan
    from sangong_initial_by_item
    group by department_code, fiscal_year
),

facts as (
    select * from function_budget
    union all
    select * from function_budget_total
    union all
    select * from office_running_cost
    union all
    select * from general_expenses
    union all
    select * from annex_public_cost
    union all
    select * from project_execution
    union all
    select * from project_initial_budget
    union all
    select * from department_execution
    union all
    select * from evaluated_projects
    union all
    select * from sangong_initial_budget
),

-- The contract's types (a row_number is a bigint, a sum of decimals a wider decimal).
final as (
    select
        department_code,
        fiscal_year,
        fact_key,
        member_key,
        member_label,
        cast(member_order as integer) as member_order,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        base_kind,
        cast(base_yuan as decimal(18, 2)) as base_yuan
    from facts
)

select * from final
