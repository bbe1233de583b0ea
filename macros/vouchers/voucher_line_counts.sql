{#- What became of voucher lines, as aggregate columns over int_vouchers__line_roles (one
    definition for int_vouchers__line_counts and the summary a build prints, report_book_lines):
    read; used as income, spending or a balance movement; excluded as year-end closing entries;
    skipped as financial accounting (1xxx-5xxx, 平行记账); skipped as 资金结存 8001 or a transfer
    between 结余 accounts; refused (a 科目 no mapping covers, I50). Nothing is summed from the
    skipped lines. -#}
{% macro voucher_line_counts() -%}
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
{%- endmacro %}
