{#- A fiscal year as written: 2024, 2024年 or 2024年度; anything else is null, for rule I34 to
    name. On other engines the column is the example's typed integer. -#}
{% macro year_from_text(column) -%}
    {{ return(adapter.dispatch('year_from_text', 'juesuan')(column)) }}
{%- endmacro %}

{% macro duckdb__year_from_text(column) -%}
    {%- set text = 'trim(cast(' ~ column ~ (' as ' ~ text_type() ~ '))') -%}
    case
        when regexp_full_match({{ text }}, '[0-9]{4}(年度?)?') then cast(left({{ text }}, 4) as integer)
    end
{%- endmacro %}

{% macro default__year_from_text(column) -%}
    cast({{ column }} as integer)
{%- endmacro %}
