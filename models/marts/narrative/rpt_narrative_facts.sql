-- Every number the narrative (第三部分 决算情况说明) and the performance annex print, per
-- department and fiscal year, in 元, with what it is compared with. Grain: one row per
-- department, fiscal year, fact_key and member_key (member_key '' when the fact has no members).
-- Table figures are read from rpt_disclosure_cells (department scope), never recomputed;
-- only what no table holds comes from the classified ledger (budgets by 项 and project,
-- 会议费/培训费 across basic and project spending, 机关运行经费 by unit type) or from the
-- department's own seeds (procurement contracts, counts). Seed rows of a department the ledger does
-- not hold are left out (inner join to the departments), so a ledger read from files that lacks the
-- example department still builds.
with

table_facts as (
    select * from {{ ref('int_narrative_table_facts') }}
),

ledger_facts as (
    select * from {{ ref('int_narrative_ledger_facts') }}
),

procurement_facts as (
    select * from {{ ref('int_narrative_procurement_facts') }}
),

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

counts as (
    select * from {{ ref('stg_narrative__counts') }}
),

amount_facts as (
    select * from table_facts
    union all
    select * from ledger_facts
    union all
    select * from procurement_facts
),

-- Counts the department reports (seed), plus vehicles held = Σ vehicles by kind.
count_facts as (
    select
        department_code,
        fiscal_year,
        'count' as fact_key,
        count_key as member_key,
        count_key as member_label,
        1 as member_order,
        count_value
    from counts
    union all
    select
        department_code,
        fiscal_year,
        'count' as fact_key,
        'vehicles_held' as member_key,
        'vehicles_held' as member_label,
        1 as member_order,
        sum(count_value) as count_value
    from counts
    where left(count_key, 9) = 'vehicles_' and count_key <> 'vehicles_purchased'
    group by department_code, fiscal_year
),

facts as (
    select
        department_code,
        fiscal_year,
        fact_key,
        member_key,
        member_label,
        member_order,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        base_kind,
        cast(base_yuan as decimal(18, 2)) as base_yuan,
        cast(null as integer) as count_value
    from amount_facts
    union all
    select
        department_code,
        fiscal_year,
        fact_key,
        member_key,
        member_label,
        member_order,
        cast(null as decimal(18, 2)) as amount_yuan,
        null as base_kind,
        null as base_yuan,
        count_value
    from count_facts
),

final as (
    select
        facts.department_code,
        departments.department_name,
        facts.fiscal_year,
        facts.fact_key,
        facts.member_key,
        facts.member_label,
        facts.member_order,
        cast(facts.amount_yuan as decimal(18, 2)) as amount_yuan,
        facts.base_kind,
        facts.base_yuan,
        {{ percent_of('facts.amount_yuan', 'facts.base_yuan') }} as percent_of_base,
        {{ percent_of('facts.amount_yuan - facts.base_yuan', 'facts.base_yuan') }} as percent_over_base,
        cast(
            case when facts.amount_yuan is not null then coalesce(previous.amount_yuan, 0) end
            as decimal(18, 2)
        ) as prior_year_yuan,
        cast(facts.amount_yuan - coalesce(previous.amount_yuan, 0) as decimal(18, 2)) as change_yuan,
        {{ percent_of('facts.amount_yuan - previous.amount_yuan', 'previous.amount_yuan') }}
            as change_percent,
        facts.count_value
    from facts
    left join facts as previous
        on facts.department_code = previous.department_code
        and facts.fiscal_year - 1 = previous.fiscal_year
        and facts.fact_key = previous.fact_key
        and facts.member_key = previous.member_key
    inner join departments on facts.department_code = departments.department_code
)

select * from final
