{#- Fails with every code whose parent code is not itself a code of the same partition
    (e.g. the same fiscal year's tree). -#}
{% test parent_code_exists(model, code_column, parent_column, partition_by) %}
    select child.*
    from {{ model }} as child
    left join {{ model }} as parent
        on child.{{ parent_column }} = parent.{{ code_column }}
        and child.{{ partition_by }} = parent.{{ partition_by }}
    where child.{{ parent_column }} is not null
        and parent.{{ code_column }} is null
{% endtest %}
