{#- An identity between two sums over the same rows: for each group, sum(left) must equal
    sum(right). `left` and `right` are SQL expressions evaluated per row (case expressions pick
    the cells on each side). Exact by default; for rounded (万元) values, `tolerance` is a fixed
    allowance and `tolerance_per_part` an allowance per summed part: a rounded total against n
    rounded parts may differ by half a unit × (n + 1) (XBRL Calculations 1.1). `only_where`, a
    per-row condition, limits the check to groups where some row meets it (an identity on columns
    only some disclosure profiles print: T08-03). Fails with the group, expected (right), actual
    (left) and the difference. -#}
{% test sums_are_equal(
    model, group_by, left, right, tolerance=0, tolerance_per_part=0, only_where=none
) %}
    {%- set keys = group_by | join(', ') %}
    with sums as (
        select
            {{ keys }},
            sum({{ left }}) as actual,
            sum({{ right }}) as expected,
            {{ tolerance }} + {{ tolerance_per_part }} * (count({{ right }}) + 1) as allowed_difference
        from {{ model }}
        group by {{ keys }}
        {%- if only_where is not none %}
        having count(case when {{ only_where }} then 1 end) > 0
        {%- endif %}
    )

    select
        *,
        coalesce(actual, 0) - coalesce(expected, 0) as difference
    from sums
    where abs(coalesce(actual, 0) - coalesce(expected, 0)) > allowed_difference
{% endtest %}
