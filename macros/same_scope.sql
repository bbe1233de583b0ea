{#- Join condition between two relations at reporting-scope grain: the same department, the same
    unit (null on both sides for the department's own rows, see with_department_rows) and the
    same fiscal year. -#}
{% macro same_scope(left, right) -%}
    {{ left }}.department_code = {{ right }}.department_code
    and {{ left }}.unit_code is not distinct from {{ right }}.unit_code
    and {{ left }}.fiscal_year = {{ right }}.fiscal_year
{%- endmacro %}
