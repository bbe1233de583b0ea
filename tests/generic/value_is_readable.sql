{#- Fails with every row whose `<column_name>_as_given` (the text as the file gave it) is not
    empty but could not be read into `<column_name>` (the macro that reads it left it null): a
    date, year or yes/no in no spelling the contract accepts (rules I33, I34, I38). -#}
{% test value_is_readable(model, column_name) %}
    select *
    from {{ model }}
    where {{ column_name }} is null
        and nullif(trim(cast({{ column_name }}_as_given as {{ text_type() }})), '') is not null
{% endtest %}
