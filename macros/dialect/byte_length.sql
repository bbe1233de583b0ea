{#- Length of a text in bytes (UTF-8): DuckDB strlen, PostgreSQL octet_length. -#}
{% macro byte_length(text) -%}
    {{ return(adapter.dispatch('byte_length', 'juesuan')(text)) }}
{%- endmacro %}

{% macro duckdb__byte_length(text) -%}
    strlen({{ text }})
{%- endmacro %}

{% macro postgres__byte_length(text) -%}
    octet_length({{ text }})
{%- endmacro %}

{% macro default__byte_length(text) -%}
    {{ not_implemented_for_adapter('byte_length') }}
{%- endmacro %}

{% macro spark__byte_length(text) -%}
    octet_length({{ text }})
{%- endmacro %}
