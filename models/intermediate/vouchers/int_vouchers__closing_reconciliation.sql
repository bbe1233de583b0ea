-- Grain: one row per unit, fiscal year and first-level 预算收入/预算支出 科目 of the books: what the
-- year's lines brought in (income credit − debit, spending debit − credit, closing vouchers
-- excluded) against what the year-end closing vouchers (本年收支结转) closed out of the 科目.
-- When a unit-year has closing vouchers they must close exactly what was imported (rule I58);
-- a unit-year without any (books exported before the year was closed) is shown, not checked.
with

lines as (
    select
        lines.source_file,
        lines.unit_code,
        lines.fiscal_year,
        left(lines.account_code, 4) as account_code,
        vouchers.is_closing_voucher,
        -- 预算收入 credit − debit, 预算支出 debit − credit (as the lines are classified)
        case
            when left(lines.account_code, 1) = '6'
                then coalesce(lines.credit_yuan, 0) - coalesce(lines.debit_yuan, 0)
            else coalesce(lines.debit_yuan, 0) - coalesce(lines.credit_yuan, 0)
        end as amount_yuan
    from {{ ref('stg_ledger__vouchers') }} as lines
    inner join {{ ref('int_vouchers__vouchers') }} as vouchers
        on lines.source_file = vouchers.source_file
        and lines.unit_code = vouchers.unit_code
        and lines.fiscal_year = vouchers.fiscal_year
        and lines.voucher_no = vouchers.voucher_no
    where left(lines.account_code, 1) in ('6', '7')
),

closed_years as (
    select distinct
        unit_code,
        fiscal_year
    from lines
    where is_closing_voucher
),

by_account as (
    select
        source_file,
        unit_code,
        fiscal_year,
        account_code,
        sum(case when not is_closing_voucher then amount_yuan else 0 end) as imported_yuan,
        -sum(case when is_closing_voucher then amount_yuan else 0 end) as closed_yuan
    from lines
    group by source_file, unit_code, fiscal_year, account_code
),

final as (
    select
        by_account.source_file,
        by_account.unit_code,
        by_account.fiscal_year,
        by_account.account_code,
        accounts.account_name,
        closed_years.unit_code is not null as has_closing_vouchers,
        by_account.imported_yuan,
        by_account.closed_yuan,
        by_account.imported_yuan - by_account.closed_yuan as difference_yuan
    from by_account
    left join closed_years
        on by_account.unit_code = closed_years.unit_code
        and by_account.fiscal_year = closed_years.fiscal_year
    left join {{ ref('stg_reference__budget_accounts') }} as accounts
        on by_account.account_code = accounts.account_code
)

select * from final
