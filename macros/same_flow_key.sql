{#- Join condition between ledger flows and the flow keys a layout cell was matched to (by
    flow_matches, once per distinct key): the same flow, budget, appropriation flag, income
    type and spending group. One definition for the two cell models. -#}
{% macro same_flow_key(flows, keys) -%}
    {{ flows }}.flow = {{ keys }}.flow
    and {{ flows }}.budget_code is not distinct from {{ keys }}.budget_code
    and {{ flows }}.is_appropriation is not distinct from {{ keys }}.is_appropriation
    and {{ flows }}.income_type_code is not distinct from {{ keys }}.income_type_code
    and {{ flows }}.spending_group is not distinct from {{ keys }}.spending_group
{%- endmacro %}
