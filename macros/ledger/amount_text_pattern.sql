{#- The spellings of an amount the ledger's text is checked against: 'number' (any decimal number:
    what I17 accepts), 'yuan' (at most 16 digits before the point, so it fits decimal(18, 2), and
    at most two after it: what amount_from_text reads), 'too_many_decimals' (I18's) and
    'too_many_digits' (17 digits or more before the point: beyond any bound, I28's). -#}
{% macro amount_text_pattern(kind) -%}
    {%- set patterns = {
        'number': '^-?[0-9]+([.][0-9]+)?$',
        'yuan': '^-?[0-9]{1,16}([.][0-9]{1,2})?$',
        'too_many_decimals': '^-?[0-9]+[.][0-9]{3,}$',
        'too_many_digits': '^-?[0-9]{17,}([.][0-9]+)?$',
    } -%}
    {%- if kind not in patterns -%}
        {{ exceptions.raise_compiler_error(
            "amount_text_pattern: kind must be one of " ~ patterns.keys() | join(', ') ~ ", not '" ~ kind ~ "'"
        ) }}
    {%- endif -%}
    {{- return(patterns[kind]) -}}
{%- endmacro %}
