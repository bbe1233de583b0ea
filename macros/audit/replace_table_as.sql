{#- Replace a table with the result of a select (the audit hook's audit.audit_findings). Portable
    SQL drops and creates, in two statements; DuckDB does it in one. -#}
{% macro replace_table_as(relation, body) -%}
    {{ return(adapter.dispatch('replace_table_as', 'juesuan')(relation, body)) }}
{%- endmacro %}

{% macro default__replace_table_as(relation, body) -%}
    drop table if exists {{ relation }};
    create table {{ relation }} as
    {{ body }}
{%- endmacro %}

{% macro duckdb__replace_table_as(relation, body) -%}
    create or replace table {{ relation }} as
    {{ body }}
{%- endmacro %}
