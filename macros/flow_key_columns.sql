{#- The columns that say which layout filters a ledger flow passes (flow_matches): the flow, the
    budget, the appropriation flag, the income type and the spending group. The cell models
    match the layout once against the distinct combinations of these columns and join the
    ledger-sized flows back on them (same_flow_key). One list, so the two cannot drift apart. -#}
{% macro flow_key_columns() -%}
    {{ return(['flow', 'budget_code', 'is_appropriation', 'income_type_code', 'spending_group']) }}
{%- endmacro %}
