{#- True when a ledger flow row passes a layout filter. A layout row or column names the flows
    it sums as a '|' list (`<prefix>flows`), with optional filters on the budget
    (`<prefix>fund_filter`; 'appropriation' = any of the three 财政拨款 budgets), the income type
    and the spending group. An empty filter matches everything. -#}
{% macro flow_matches(spec, flow, prefix='') -%}
    ({{ spec }}.{{ prefix }}flows is null
        or ('|' || {{ spec }}.{{ prefix }}flows || '|') like ('%|' || {{ flow }}.flow || '|%'))
    and ({{ spec }}.{{ prefix }}fund_filter is null
        or {{ spec }}.{{ prefix }}fund_filter = {{ flow }}.budget_code
        or ({{ spec }}.{{ prefix }}fund_filter = 'appropriation' and {{ flow }}.is_appropriation))
    and ({{ spec }}.{{ prefix }}income_type_code is null
        or {{ spec }}.{{ prefix }}income_type_code = {{ flow }}.income_type_code)
    and ({{ spec }}.{{ prefix }}spending_group is null
        or {{ spec }}.{{ prefix }}spending_group = {{ flow }}.spending_group)
{%- endmacro %}
