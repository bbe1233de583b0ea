-- Grain: one row per trial-balance row (same rows as stg_ledger__trial_balance), with the mapping of
-- its 科目 and its opening balance (credit − debit). Rows on the 结转结余 accounts (opening_flow
-- 'opening': 8101, 8102, 8201, 8202, 8301) become 年初结转和结余; the others are not read. A
-- 预算会计 科目 (6xxx-8xxx) no mapping row covers is refused (I50), never dropped.
with

final as (
    select
        balances.source_file,
        balances.source_sheet,
        balances.source_row,
        coalesce(balances.unit_code, '') || '/'
        || coalesce(cast(balances.fiscal_year as {{ text_type() }}), '') || '/余额表/'
        || coalesce(balances.account_code, '')
        || '/' || coalesce(balances.function_code, '')
        || '/' || coalesce(balances.fund_source_as_given, '') as entry_id,
        balances.unit_code,
        balances.fiscal_year,
        balances.account_code,
        mappings.mapped_account_code,
        mappings.opening_flow,
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
    left join {{ ref('int_vouchers__account_mappings') }} as mappings
        on balances.account_code = mappings.account_code
        and coalesce(units.department_code, '') = coalesce(mappings.department_code, '')
    left join {{ ref('stg_reference__fund_sources') }} as funds_by_code
        on balances.fund_source_as_given = funds_by_code.fund_source_code
    left join {{ ref('stg_reference__fund_sources') }} as funds_by_name
        on balances.fund_source_as_given = funds_by_name.fund_source_name
)

select * from final
