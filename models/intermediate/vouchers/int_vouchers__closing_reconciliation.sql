-- Grain: one row per unit, fiscal year and first-level 预算收入/预算支出 科目 of the books: what the
-- year's lines brought in (income credit − debit, spending debit − credit, closing vouchers
-- excluded) against what the year-end closing vouchers (本年收支结转) closed out of the 科目.
-- When a unit-year has closing vouchers they must close exactly what was imported (rule I58);
-- a unit-year without any (books exported before the year was closed) is shown, not checked.
with

lines as (
    select * from {{ ref('int_vouchers__lines_classified') }}
    where left(account_code, 1) in ('6', '7')
),

closed_years as (
    select distinct
        unit_code,
        fiscal_year
    from lines
    where line_role = 'closing'
),

by_account as (
    select
        source_file,
        unit_code,
        fiscal_year,
        left(account_code, 4) as account_code,
        sum(case when line_role <> 'closing' then amount_yuan else 0 end) as imported_yuan,
        -sum(case when line_role = 'closing' then amount_yuan else 0 end) as closed_yuan
    from lines
    group by source_file, unit_code, fiscal_year, left(account_code, 4)
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
