{#- An identity between two sums over the same rows: for each group, sum(left) must equal
    sum(right) exactly. `left` and `right` are SQL expressions evaluated per row (use case
    expressions to pick the cells on each side); `tolerance` allows a display tolerance when
    comparing rounded values. Fails with the group, expected (right), actual (left) and the
    difference. -#}
{% test sums_are_equal(model, group_by, left, right, tolerance=0) %}
    {%- set keys = group_by | join(', ') %}
    with sums as (
        select
            {{ keys }},
            sum({{ left }}) as actual,
            sum({{ right }}) as expected
        from {{ model }}
        group by {{ keys }}
    )

    select
        *,
        coalesce(actual, 0) - coalesce(expected, 0) as difference
    from sums
    where abs(coalesce(actual, 0) - coalesce(expected, 0)) > {{ tolerance }}
{% endtest %}
