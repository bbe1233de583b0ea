{#- Join condition between ledger flows and the flow keys a layout cell was matched to (by
    flow_matches, once per distinct key): equal on every column of flow_key_columns (the flow
    itself is never null; the filters may be). One definition for the cell models. -#}
{% macro same_flow_key(flows, keys) -%}
    {%- for column in flow_key_columns() -%}
        {%- set operator = '=' if column == 'flow' else 'is not distinct from' %}
        {{ 'and ' if not loop.first }}{{ flows }}.{{ column }} {{ operator }} {{ keys }}.{{ column }}
    {%- endfor %}
{%- endmacro %}
