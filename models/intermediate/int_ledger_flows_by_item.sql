-- Grain: one row per reporting scope, fiscal year, flow, budget, income type, spending group and
-- function 项: int_ledger_flows without fund source, spending type or economic 款, the grain every
-- 类/款/项 table and the 01/04 lines need, for each unit and each department (the sum of its
-- units). Both cell models read this one aggregate, so the ledger-grain flows are scanned once
-- for them.
with

flows as (
    select * from {{ ref('int_ledger_flows') }}
),

unit_rows as (
    select
        department_code,
        unit_code,
        fiscal_year,
        flow,
        budget_code,
        is_appropriation,
        income_type_code,
        spending_group,
        function_code,
        function_section_code,
        function_class_code,
        sum(amount_yuan) as amount_yuan
    from flows
    group by
        department_code, unit_code, fiscal_year, flow, budget_code, is_appropriation,
        income_type_code, spending_group, function_code, function_section_code, function_class_code
),

final as (
    {{ with_department_rows('unit_rows', [
        'fiscal_year', 'flow', 'budget_code', 'is_appropriation', 'income_type_code',
        'spending_group', 'function_code', 'function_section_code', 'function_class_code'
    ]) }}
)

select * from final
