-- Grain: one row per voucher file, unit and fiscal year: how many lines were read and what became
-- of them (used as income, spending or a balance movement; excluded as year-end closing; skipped
-- as financial accounting, 资金结存 or a transfer between 结余 accounts; unmapped, which rule I50
-- refuses). Nothing is summed from the skipped lines.
with

lines as (
    select * from {{ ref('int_vouchers__lines_classified') }}
),

final as (
    select
        source_file,
        unit_code,
        fiscal_year,
        count(*) as lines_read,
        sum(
            case
                when line_role in ('income', 'expenditure', 'use_of_surplus', 'surplus_distribution') then 1
                else 0
            end
        ) as lines_used,
        sum(case when line_role = 'income' then 1 else 0 end) as income_lines,
        sum(case when line_role = 'expenditure' then 1 else 0 end) as expenditure_lines,
        sum(case when line_role in ('use_of_surplus', 'surplus_distribution') then 1 else 0 end)
            as balance_lines,
        sum(case when line_role = 'closing' then 1 else 0 end) as closing_lines_excluded,
        sum(case when line_role = 'financial' then 1 else 0 end) as financial_lines_skipped,
        sum(case when line_role in ('fund_balance', 'balance_transfer') then 1 else 0 end)
            as balance_lines_skipped,
        sum(case when line_role = 'unmapped' then 1 else 0 end) as lines_refused
    from lines
    group by source_file, unit_code, fiscal_year
)

select * from final
