{#- A whole row, given its alias, as JSON text (the audit findings' `detail`): DuckDB to_json,
    PostgreSQL row_to_json. -#}
{% macro row_as_json(alias) -%}
    {{ return(adapter.dispatch('row_as_json', 'juesuan')(alias)) }}
{%- endmacro %}

{% macro duckdb__row_as_json(alias) -%}
    to_json({{ alias }})
{%- endmacro %}

{% macro postgres__row_as_json(alias) -%}
    row_to_json({{ alias }})
{%- endmacro %}

{% macro default__row_as_json(alias) -%}
    {{ not_implemented_for_adapter('row_as_json') }}
{%- endmacro %}

{#- Spark: the row as a struct; null fields kept (Spark drops them by default), as on DuckDB. -#}
{% macro spark__row_as_json(alias) -%}
    to_json(struct({{ alias }}.*), map('ignoreNullFields', 'false'))
{%- endmacro %}
