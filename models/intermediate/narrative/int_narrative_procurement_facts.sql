-- Narrative facts from the department's own seeds: 政府采购 (contracts by category and supplier
-- size, and the procurement budget). Grain: one row per department, fiscal year, fact_key and
-- member_key.
-- Columns: department_code, fiscal_year, fact_key, member_key, member_label, member_order,
-- amount_yuan, base_kind, base_yuan (see rpt_narrative_facts).
with

contracts as (
    select * from {{ ref('stg_narrative__procurement_contracts') }}
),

procurement_budgets as (
    select * from {{ ref('stg_narrative__procurement_budgets') }}
),

-- 十二: 政府采购, from the department's contracts.
contract_groups as (
    select
        department_code,
        fiscal_year,
        procurement_category,
        amount_yuan,
        supplier_size in ('medium', 'small', 'micro') as is_sme,
        supplier_size in ('small', 'micro') as is_small_micro
    from contracts
),

procurement_totals as (
    select
        department_code,
        fiscal_year,
        sum(amount_yuan) as total_yuan,
        sum(case when is_sme then amount_yuan else 0 end) as sme_yuan,
        sum(case when is_small_micro then amount_yuan else 0 end) as small_micro_yuan
    from contract_groups
    group by department_code, fiscal_year
),

procurement_categories as (
    select
        categories.category_code,
        categories.category_label,
        categories.category_order
    from (
        values ('goods', '货物', 1), ('works', '工程', 2), ('services', '服务', 3)
    ) as categories (category_code, category_label, category_order)
),

procurement_by_category as (
    select
        procurement_totals.department_code,
        procurement_totals.fiscal_year,
        procurement_categories.category_code,
        procurement_categories.category_label,
        procurement_categories.category_order,
        coalesce(sum(contract_groups.amount_yuan), 0) as amount_yuan,
        coalesce(sum(case when contract_groups.is_sme then contract_groups.amount_yuan end), 0) as sme_yuan
    from procurement_totals
    cross join procurement_categories
    left join contract_groups
        on procurement_totals.department_code = contract_groups.department_code
        and procurement_totals.fiscal_year = contract_groups.fiscal_year
        and procurement_categories.category_code = contract_groups.procurement_category
    group by
        procurement_totals.department_code,
        procurement_totals.fiscal_year,
        procurement_categories.category_code,
        procurement_categories.category_label,
        procurement_categories.category_order
),

procurement as (
    select
        department_code,
        fiscal_year,
        'procurement' as fact_key,
        'total' as member_key,
        '政府采购支出总额' as member_label,
        1 as member_order,
        total_yuan as amount_yuan,
        cast(null as {{ text_type() }}) as base_kind,
        cast(null as decimal(18, 2)) as base_yuan
    from procurement_totals
    union all
    select
        department_code,
        fiscal_year,
        'procurement' as fact_key,
        'sme' as member_key,
        '授予中小企业合同金额' as member_label,
        2 as member_order,
        sme_yuan as amount_yuan,
        'whole' as base_kind,
        total_yuan as base_yuan
    from procurement_totals
    union all
    select
        department_code,
        fiscal_year,
        'procurement' as fact_key,
        'small_micro' as member_key,
        '授予小微企业合同金额' as member_label,
        3 as member_order,
        small_micro_yuan as amount_yuan,
        'whole' as base_kind,
        sme_yuan as base_yuan
    from procurement_totals
    union all
    select
        by_category.department_code,
        by_category.fiscal_year,
        'procurement_by_category' as fact_key,
        by_category.category_code as member_key,
        by_category.category_label as member_label,
        by_category.category_order as member_order,
        by_category.amount_yuan,
        'whole' as base_kind,
        procurement_totals.total_yuan as base_yuan
    from procurement_by_category as by_category
    inner join procurement_totals
        on by_category.department_code = procurement_totals.department_code
        and by_category.fiscal_year = procurement_totals.fiscal_year
    union all
    select
        department_code,
        fiscal_year,
        'procurement_sme_by_category' as fact_key,
        category_code as member_key,
        category_label as member_label,
        category_order as member_order,
        sme_yuan as amount_yuan,
        'whole' as base_kind,
        amount_yuan as base_yuan
    from procurement_by_category
    union all
    select
        department_code,
        fiscal_year,
        'procurement_budget' as fact_key,
        '' as member_key,
        '政府采购预算' as member_label,
        1 as member_order,
        budget_yuan as amount_yuan,
        null as base_kind,
        null as base_yuan
    from procurement_budgets
),

-- The contract's types (a sum of decimals is a wider decimal).
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
    from procurement
)

select * from final
