{#- Where the staging models read a ledger entity from. Today: the bundled example seeds
    (seeds/example/example_<entity>.csv). Every staging model goes through here so that the
    ledger source is chosen in one place. -#}
{% macro ledger_relation(entity) -%}
    {{ ref('example_' ~ entity) }}
{%- endmacro %}
