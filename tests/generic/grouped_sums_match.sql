{#- A cross-table identity: two subsets of the same model (e.g. two tables in
    rpt_disclosure_cells), each summed by scope and by a key expression, must match key by key.
    Full outer join: a key present on one side only compares with 0, so a row missing from one
    table fails. `left_key`/`right_key` map each side's rows onto shared keys (e.g. 01's line 4
    → 02's column 上级补助收入). On a published document's cells (meta printed_half_unit_yuan)
    each printed part adds half a unit, none when each side is one cell (the same quantity), and
    the row names the pages and cells (locator). Fails with scope, key, expected (right), actual (left), difference. -#}
{% test grouped_sums_match(model, scope, left_where, left_key, right_where, right_key, tolerance=0) %}
    {%- set scope_columns = scope | join(', ') %}
    {%- set half_unit = printed_half_unit(model) %}
    {%- set located = (
        ", count(*) as parts, min(page) as page,"
        ~ " string_agg(locator, '; ' order by row_order, column_order) as locator"
    ) if half_unit else '' %}
    with

    left_side as (
        select {{ scope_columns }}, {{ left_key }} as match_key, sum(amount_yuan) as amount{{ located }}
        from {{ model }}
        where {{ left_where }}
        group by {{ scope_columns }}, {{ left_key }}
    ),

    right_side as (
        select {{ scope_columns }}, {{ right_key }} as match_key, sum(amount_yuan) as amount{{ located }}
        from {{ model }}
        where {{ right_where }}
        group by {{ scope_columns }}, {{ right_key }}
    ),

    compared as (
        select
            {% for column in scope %}coalesce(left_side.{{ column }}, right_side.{{ column }}) as {{ column }},
            {% endfor -%}
            coalesce(left_side.match_key, right_side.match_key) as match_key,
            coalesce(left_side.amount, 0) as actual,
            coalesce(right_side.amount, 0) as expected
            {%- if half_unit %},
            coalesce(left_side.page, right_side.page) as page,
            concat_ws(' ↔ ', left_side.locator, right_side.locator) as locator,
            {{ printed_allowance(half_unit, 'coalesce(left_side.parts, 0) + coalesce(right_side.parts, 0)') }} as allowed_difference
            {%- endif %}
        from left_side
        full outer join right_side
            on {% for column in scope %}left_side.{{ column }} is not distinct from right_side.{{ column }}
            and {% endfor -%} left_side.match_key = right_side.match_key
    )

    select
        *,
        actual - expected as difference
    from compared
    where abs(actual - expected) > {{ tolerance }}{% if half_unit %} + allowed_difference{% endif %}
{% endtest %}
