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

{#- Spark: one statement per call, and `create or replace` only for Delta or Iceberg tables (the
    project's are plain Parquet): the old table is dropped here, the create is returned. -#}
{% macro spark__replace_table_as(relation, body) -%}
    {%- do run_query('drop table if exists ' ~ relation) -%}
    create table {{ relation }} as
    {{ body }}
{%- endmacro %}
