{#- A yes/no as written: true/false, t/f, yes/no, y/n, 1/0 (any case), 是/否; anything else is
    null, for rule I38 to name. On other engines the column is the example's typed boolean. -#}
{% macro boolean_from_text(column) -%}
    {{ return(adapter.dispatch('boolean_from_text', 'juesuan')(column)) }}
{%- endmacro %}

{% macro duckdb__boolean_from_text(column) -%}
    {%- set text = 'lower(trim(cast(' ~ column ~ (' as ' ~ text_type() ~ ')))') -%}
    case
        when {{ text }} in ('true', 't', 'yes', 'y', '1', '是') then true
        when {{ text }} in ('false', 'f', 'no', 'n', '0', '否') then false
    end
{%- endmacro %}

{% macro default__boolean_from_text(column) -%}
    cast({{ column }} as boolean)
{%- endmacro %}
