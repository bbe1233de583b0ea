{#- An identity between two sums over the same rows: for each group, sum(left) must equal
    sum(right). `left` and `right` are SQL expressions evaluated per row (case expressions pick
    the cells on each side). Exact by default; for rounded (万元) values, `tolerance` is a fixed
    allowance and `tolerance_per_part` an allowance per summed part: a rounded total against n
    rounded parts may differ by half a unit × (n + 1) (XBRL Calculations 1.1). `only_where`, a
    per-row condition, limits the check to groups where some row meets it (an identity on columns
    only some disclosure profiles print: T08-03). On a published document's cells (a model with
    meta printed_half_unit_yuan) each printed part adds half a unit, and the failing row names the
    page and the cells (locator). Fails with the group, expected (right), actual (left) and the
    difference. -#}
{% test sums_are_equal(
    model, group_by, left, right, tolerance=0, tolerance_per_part=0, only_where=none
) %}
    {%- set keys = group_by | join(', ') %}
    {%- set half_unit = printed_half_unit(model) %}
    with sums as (
        select
            {{ keys }},
            sum({{ left }}) as actual,
            sum({{ right }}) as expected,
            {{ tolerance }} + {{ tolerance_per_part }} * (count({{ right }}) + 1)
            {%- if half_unit %}
            + {{ printed_allowance(half_unit, 'count(' ~ left ~ ') + count(' ~ right ~ ')') }}
            {%- endif %} as allowed_difference
            {%- if half_unit %},
            min(case when ({{ left }}) is not null or ({{ right }}) is not null then page end) as page,
            string_agg(
                case when ({{ left }}) is not null or ({{ right }}) is not null then locator end, '; '
                order by row_order, column_order
            ) as locator
            {%- endif %}
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
