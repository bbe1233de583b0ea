{#- After a build through the voucher door, one line on what became of the books' voucher lines
    (issue 13): read, used as income, spending or balance movements, excluded as year-end
    closing entries, financial-accounting lines skipped, 资金结存 and transfers between 结余
    accounts skipped, and refused (unmapped 科目, rule I50): the columns of
    int_vouchers__line_counts (macros/vouchers/voucher_line_counts.sql), counted as
    int_vouchers__line_roles holds the lines (the classified ones of
    int_vouchers__lines_classified, the counted-only ones of stg_ledger__vouchers) but read from
    those two, which are built before the classification's rules run, so the counts are printed
    even when a rule stops the build. -#}
{% macro report_book_lines(results) -%}
    {%- if execute and ledger_door() == 'vouchers' -%}
        {%- set built = {} -%}
        {%- for result in results -%}
            {%- if result.node.name in ('int_vouchers__lines_classified', 'stg_ledger__vouchers')
                and result.status == 'success' -%}
                {%- do built.update({result.node.name: result.node.relation_name}) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if built | length == 2 -%}
            {%- set lines = voucher_line_roles(
                built['int_vouchers__lines_classified'], built['stg_ledger__vouchers']) -%}
            {%- set counts = run_query("select " ~ voucher_line_counts() ~ " from (" ~ lines ~ ") as lines").rows[0] -%}
            {%- do log(
                "凭证明细 voucher lines: read " ~ counts['lines_read'] ~ ", used " ~ (counts['lines_used'] or 0)
                ~ ", closing entries excluded " ~ (counts['closing_lines_excluded'] or 0)
                ~ ", financial-accounting lines skipped " ~ (counts['financial_lines_skipped'] or 0)
                ~ ", 资金结存 and 结余 transfers skipped " ~ (counts['balance_lines_skipped'] or 0)
                ~ ", refused (unmapped 科目, I50) " ~ (counts['lines_refused'] or 0)
                ~ " (by unit and year: intermediate.int_vouchers__line_counts)",
                info=True
            ) -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
