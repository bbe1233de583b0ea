{#- The 类 (class) or 款 (section) a code belongs to: its prefix, since each level of both code
    trees adds digits to its parent's code (类 3 digits, 款 5, 项 7; rule R02 checks the lists keep
    to it). The one definition of that prefix: every model derives a class or section through here. -#}
{% macro code_at_level(code, level) -%}
    {%- set lengths = {'class': 3, 'section': 5} -%}
    {%- if level not in lengths -%}
        {{ exceptions.raise_compiler_error(
            "code_at_level: level must be 'class' or 'section', not '" ~ level ~ "'"
        ) }}
    {%- endif -%}
    left({{ code }}, {{ lengths[level] }})
{%- endmacro %}
