{#- The one place 元 become 万元: each cell from its own 元 total, rounded half away from zero
    (half up for positive amounts) to 0.01 万元. Multiplying keeps DuckDB in exact decimals;
    dividing a decimal would go through a double. -#}
{% macro to_wan(amount_yuan) -%}
    cast(round(cast({{ amount_yuan }} as decimal(18, 2)) * 0.0001, 2) as decimal(18, 2))
{%- endmacro %}
