-- Grain: one row per balance entry derived from the books, in the contract's shape
-- (stg_ledger__balance_entries): 年初结转和结余 from the trial balance's opening balances of the
-- 结转结余 accounts (8101, 8102, 8201, 8202, 8301: credit − debit), and 使用非财政拨款结余和专用结余 /
-- 结余分配 from the voucher lines on 8202, 8301 / 8701 that move 资金结存 (DECISIONLOG §20).
with

opening_balances as (
    select
        balances.source_file,
        balances.unit_code || '/' || cast(balances.fiscal_year as varchar)
        || '/' || coalesce(balances.account_code, '')
        || '/' || coalesce(balances.function_code, '')
        || '/' || coalesce(balances.fund_source_as_given, '') as entry_id,
        balances.unit_code,
        balances.fiscal_year,
        'opening' as balance_type_code,
        balances.function_code,
        case
            when balances.fund_source_as_given is not null
                then coalesce(funds_by_code.fund_source_code, funds_by_name.fund_source_code)
        end as fund_source_code,
        cast(
            coalesce(balances.opening_credit_yuan, 0)
            - coalesce(balances.opening_debit_yuan, 0) as decimal(18, 2)
        ) as amount_yuan
    from {{ ref('stg_ledger__trial_balance') }} as balances
    left join {{ ref('int_units_with_departments') }} as units on balances.unit_code = units.unit_code
    inner join {{ ref('int_vouchers__account_mappings') }} as mappings
        on balances.account_code = mappings.account_code
        and coalesce(units.department_code, '') = coalesce(mappings.department_code, '')
    left join {{ ref('stg_reference__fund_sources') }} as funds_by_code
        on balances.fund_source_as_given = funds_by_code.fund_source_code
    left join {{ ref('stg_reference__fund_sources') }} as funds_by_name
        on balances.fund_source_as_given = funds_by_name.fund_source_name
    where mappings.opening_flow = 'opening'
),

movements as (
    select
        source_file,
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
        entry_id,
        unit_code,
        fiscal_year,
        balance_type_code,
        function_code,
        function_code as function_code_as_given,
        fund_source_code,
        amount_yuan,
        cast(amount_yuan as varchar) as amount_yuan_as_given
    from unioned
)

select * from final
