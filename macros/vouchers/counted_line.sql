{#- Whether a voucher line is only counted, never classified (issue 13, DECISIONLOG §22): a
    financial-accounting line (1xxx-5xxx, the 平行记账 side of a voucher) or 资金结存 8001, the
    counterpart of every budget line. The 政府会计制度 fixes these codes, so a prefix test on the
    (normalised) 科目 code recognises them: about three lines in four of a voucher export, whose
    辅助核算 is not read, which are not mapped and which join nothing (their amounts are still
    read and checked, I17/I18/I28/I59). A line without a 科目 code is not counted-only: it goes
    on to classification, and rule I19 names it. (A range, not an IN list: DuckDB plans that as a
    join per use.) -#}
{% macro is_counted_line(account_code) -%}
    coalesce(
        left({{ account_code }}, 1) between '1' and '5' or left({{ account_code }}, 4) = '8001',
        false
    )
{%- endmacro %}

{#- The role of a counted-only line (int_vouchers__line_roles): 'fund_balance' (资金结存 8001) or
    'financial' (financial accounting, 1xxx-5xxx), as voucher_line_counts counts them. -#}
{% macro counted_line_role(account_code) -%}
    case when left({{ account_code }}, 4) = '8001' then 'fund_balance' else 'financial' end
{%- endmacro %}

{#- Every voucher line with its role, as one select (the model int_vouchers__line_roles, and the
    summary a build prints, report_book_lines, which reads the two relations directly so that it
    can count even when a rule has stopped the models after them): a classified line's role from
    `classified` (int_vouchers__lines_classified), a counted-only line's from its code in `staged`
    (stg_ledger__vouchers). -#}
{% macro voucher_line_roles(classified, staged) -%}
    select
        source_file, source_sheet, source_row, entry_id, unit_code, fiscal_year, account_code,
        line_role
    from {{ classified }}
    union all
    select
        source_file, source_sheet, source_row, entry_id, unit_code, fiscal_year, account_code,
        {{ counted_line_role('account_code') }} as line_role
    from {{ staged }}
    where coalesce(is_counted_line, false)
{%- endmacro %}
