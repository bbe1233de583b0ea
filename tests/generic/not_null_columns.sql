{#- Fails with every row in which any of the listed columns is null, naming those columns in
    null_columns. One query per model instead of one not_null test per column: each test is a
    dbt node with ~50 ms of overhead, and the example build runs hundreds of them. -#}
{% test not_null_columns(model, columns) %}
    select
        concat_ws(', '
            {%- for column in columns %},
            case when {{ column }} is null then '{{ column }}' end
            {%- endfor %}
        ) as null_columns,
        *
    from {{ model }}
    where
        {%- for column in columns %}
        {{ 'or ' if not loop.first }}{{ column }} is null
        {%- endfor %}
{% endtest %}
