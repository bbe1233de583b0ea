-- Grain: one row per balance entry derived from the books, in the contract's shape
-- (stg_ledger__balance_entries): 年初结转和结余 from the trial balance's opening balances of the
-- 结转结余 accounts (8101, 8102, 8201, 8202, 8301: credit − debit), and 使用非财政拨款结余和专用结余 /
-- 结余分配 from the voucher lines on 8202, 8301 / 8701 that move 资金结存 (DECISIONLOG §22).
with

opening_balances as (
    select
        source_file,
        source_sheet,
        source_row,
        entry_id,
        unit_code,
        fiscal_year,
        'opening' as balance_type_code,
        function_code,
        fund_source_code,
        amount_yuan
    from {{ ref('int_vouchers__trial_balance_classified') }}
    where opening_flow = 'opening'
),

movements as (
    select
        source_file,
        source_sheet,
        source_row,
        entry_id,
        unit_code,
        fiscal_year,
        line_role as balance_type_code,
        function_code,
        fund_source_code,
        amount_yuan
    from {{ ref('int_vouchers__lines_classified') }}
    where line_role in ('use_of_surplus', 'surplus_distribution')
),

unioned as (
    select * from opening_balances
    union all
    select * from movements
),

final as (
    select
        source_file,
        source_sheet,
        source_row,
        entry_id,
        unit_code,
        fiscal_year,
        balance_type_code,
        function_code,
        function_code as function_code_as_given,
        fund_source_code,
        amount_yuan,
        cast(amount_yuan as {{ text_type() }}) as amount_yuan_as_given
    from unioned
)

select * from final
