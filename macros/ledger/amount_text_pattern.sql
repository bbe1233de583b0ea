{#- The two spellings of an amount the ledger's text is checked against: 'number' (any decimal
    number: what I17 accepts) and 'yuan' (at most two decimals: what amount_from_text reads; the
    rest is I18's). -#}
{% macro amount_text_pattern(kind) -%}
    {%- set patterns = {
        'number': '^-?[0-9]+([.][0-9]+)?$',
        'yuan': '^-?[0-9]+([.][0-9]{1,2})?$',
    } -%}
    {%- if kind not in patterns -%}
        {{ exceptions.raise_compiler_error(
            "amount_text_pattern: kind must be 'number' or 'yuan', not '" ~ kind ~ "'"
        ) }}
    {%- endif -%}
    {{- return(patterns[kind]) -}}
{%- endmacro %}
