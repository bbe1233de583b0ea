{#- A unit-level relation and, below it, each department's rows as the sum of its units' rows
    (unit_code null): a department is by construction the sum of its units (DECISIONLOG.md §2).
    `relation` is a CTE or relation with department_code, unit_code, the `keys` and the
    `amounts`; the result has the same columns. Models add department rows at the coarsest grain
    they need, so the ledger-grain flows are stored once, per unit. -#}
{% macro with_department_rows(relation, keys, amounts=['amount_yuan']) -%}
    {%- set summed = [] -%}
    {%- for amount in amounts -%}
        {%- do summed.append('sum(' ~ amount ~ ') as ' ~ amount) -%}
    {%- endfor -%}
    select department_code, unit_code, {{ keys | join(', ') }}, {{ amounts | join(', ') }}
    from {{ relation }}
    union all
    select department_code, cast(null as {{ text_type() }}) as unit_code, {{ keys | join(', ') }}, {{ summed | join(', ') }}
    from {{ relation }}
    group by department_code, {{ keys | join(', ') }}
{%- endmacro %}
