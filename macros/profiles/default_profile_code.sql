{#- The profile of a department that names none: var `default_profile_code`, else central-2023
    (the layout the project published before profiles existed; DECISIONLOG §21). -#}
{% macro default_profile_code() -%}
    '{{ var("default_profile_code", "central-2023") }}'
{%- endmacro %}
