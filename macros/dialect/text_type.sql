{#- The text type: varchar on DuckDB and PostgreSQL, string on Spark (Spark 4 refuses a varchar
    without a length). Every cast to text in SQL is `cast(x as {{ text_type() }})`; YAML spells
    it `*text` (juesuan portable-types finds a bare varchar). -#}
{% macro text_type() -%}
    {{ return(adapter.dispatch('text_type', 'juesuan')()) }}
{%- endmacro %}

{% macro default__text_type() -%}
    {{ return('varchar') }}
{%- endmacro %}

{% macro spark__text_type() -%}
    {{ return('string') }}
{%- endmacro %}
