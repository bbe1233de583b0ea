{#- A layout row applies to a fiscal year when the year falls in [valid_from_year, valid_to_year]. -#}
{% macro valid_for_year(layout, year) -%}
    ({{ year }} >= {{ layout }}.valid_from_year
        and ({{ layout }}.valid_to_year is null or {{ year }} <= {{ layout }}.valid_to_year))
{%- endmacro %}
