{#- The text a regular expression's first group captures in `text`, null when it does not match:
    DuckDB regexp_extract, PostgreSQL substring(… from …). Groups that are not to be captured
    are written (?:…). As for matches_pattern, write the pattern without backslashes. -#}
{% macro pattern_capture(text, pattern) -%}
    {{ return(adapter.dispatch('pattern_capture', 'juesuan')(text, pattern)) }}
{%- endmacro %}

{% macro duckdb__pattern_capture(text, pattern) -%}
    nullif(regexp_extract({{ text }}, '{{ pattern }}', 1), '')
{%- endmacro %}

{% macro postgres__pattern_capture(text, pattern) -%}
    nullif(substring({{ text }} from '{{ pattern }}'), '')
{%- endmacro %}

{% macro default__pattern_capture(text, pattern) -%}
    {{ not_implemented_for_adapter('pattern_capture') }}
{%- endmacro %}

{% macro spark__pattern_capture(text, pattern) -%}
    nullif(regexp_extract({{ text }}, '{{ pattern }}', 1), '')
{%- endmacro %}
