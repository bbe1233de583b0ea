{#- Whether a voucher's 摘要 marks it as a year-end closing voucher (var
    closing_voucher_summary_pattern; empty: never, the accounts alone decide). An aggregate over
    the voucher's lines. -#}
{% macro closing_summary_flag(column) -%}
    {%- set pattern = var('closing_voucher_summary_pattern', '') -%}
    {%- if pattern -%}
        bool_or({{ matches_pattern(column, pattern) }})
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}
