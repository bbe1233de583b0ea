{#- Whether `text` matches the regular expression `pattern` (a boolean on every engine):
    DuckDB regexp_matches, PostgreSQL's ~ operator. Write the pattern without backslashes
    ([.] for a dot) so it reads the same in Jinja, YAML and SQL. -#}
{% macro matches_pattern(text, pattern) -%}
    {{ return(adapter.dispatch('matches_pattern', 'juesuan')(text, pattern)) }}
{%- endmacro %}

{% macro duckdb__matches_pattern(text, pattern) -%}
    regexp_matches({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__matches_pattern(text, pattern) -%}
    ({{ text }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro default__matches_pattern(text, pattern) -%}
    {{ not_implemented_for_adapter('matches_pattern') }}
{%- endmacro %}

{#- Spark: rlike finds the pattern anywhere in the text, as regexp_matches does. -#}
{% macro spark__matches_pattern(text, pattern) -%}
    ({{ text }} rlike '{{ pattern }}')
{%- endmacro %}
