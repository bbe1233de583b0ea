-- Grain: one row per budget target (预算指标), in the contract's shape (stg_ledger__budget_lines):
-- 资金性质 and 支出类型 given as a code or as its name.
with

targets as (
    select * from {{ ref('stg_ledger__budget_targets') }}
),

fund_sources as (
    select * from {{ ref('stg_reference__fund_sources') }}
),

spending_types as (
    select * from {{ ref('stg_reference__spending_types') }}
),

final as (
    select
        targets.source_file,
        targets.source_sheet,
        targets.source_row,
        targets.target_id as budget_line_id,
        targets.unit_code,
        targets.fiscal_year,
        targets.function_code,
        targets.function_code as function_code_as_given,
        targets.economic_code,
        targets.economic_code as economic_code_as_given,
        coalesce(funds_by_code.fund_source_code, funds_by_name.fund_source_code) as fund_source_code,
        coalesce(types_by_code.spending_type_code, types_by_name.spending_type_code) as spending_type_code,
        targets.project_code,
        targets.initial_budget_yuan,
        targets.initial_budget_yuan_as_given,
        targets.final_budget_yuan,
        targets.final_budget_yuan_as_given,
        targets.fund_source_as_given,
        targets.spending_type_as_given
    from targets
    left join fund_sources as funds_by_code on targets.fund_source_as_given = funds_by_code.fund_source_code
    left join fund_sources as funds_by_name on targets.fund_source_as_given = funds_by_name.fund_source_name
    left join spending_types as types_by_code
        on targets.spending_type_as_given = types_by_code.spending_type_code
    left join spending_types as types_by_name
        on targets.spending_type_as_given = types_by_name.spending_type_name
)

select * from final
