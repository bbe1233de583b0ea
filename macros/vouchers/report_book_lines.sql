{#- After a build through the voucher door, one line on what became of the books' voucher lines
    (issue 13): read, used as income, spending or balance movements, excluded as year-end
    closing entries, skipped (financial accounting, 资金结存, transfers between 结余 accounts) and
    refused (unmapped 科目, rule I50). Read from int_vouchers__lines_classified, which is built
    before its rules run, so the counts are printed even when a rule stops the build. -#}
{% macro report_book_lines(results) -%}
    {%- if execute and ledger_door() == 'vouchers' -%}
        {%- set built = [] -%}
        {%- for result in results -%}
            {%- if result.node.name == 'int_vouchers__lines_classified' and result.status == 'success' -%}
                {%- do built.append(result.node.relation_name) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if built -%}
            {%- set counts = run_query(
                "select count(*),"
                ~ " count(case when line_role in ('income', 'expenditure', 'use_of_surplus', 'surplus_distribution') then 1 end),"
                ~ " count(case when line_role = 'closing' then 1 end),"
                ~ " count(case when line_role in ('financial', 'fund_balance', 'balance_transfer') then 1 end),"
                ~ " count(case when line_role = 'unmapped' then 1 end)"
                ~ " from " ~ built[0]
            ).rows[0] -%}
            {%- do log(
                "凭证明细 voucher lines: read " ~ counts[0] ~ ", used " ~ counts[1]
                ~ ", closing entries excluded " ~ counts[2]
                ~ ", skipped (financial accounting, 资金结存, 结余 transfers) " ~ counts[3]
                ~ ", refused (unmapped 科目) " ~ counts[4]
                ~ " (intermediate.int_vouchers__line_counts, int_vouchers__closing_reconciliation)",
                info=True
            ) -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
