{#- A cross-table identity: two subsets of the same model (e.g. two tables in
    rpt_disclosure_cells), each summed by scope and by a key expression, must match key by key.
    Full outer join: a key present on one side only compares with 0, so a row missing from one
    table fails. `left_key`/`right_key` map each side's rows onto shared keys (e.g. 01's line 4
    → 02's column 上级补助收入). Fails with scope, key, expected (right), actual (left), difference. -#}
{% test grouped_sums_match(model, scope, left_where, left_key, right_where, right_key, tolerance=0) %}
    {%- set scope_columns = scope | join(', ') %}
    with

    left_side as (
        select {{ scope_columns }}, {{ left_key }} as match_key, sum(amount_yuan) as amount
        from {{ model }}
        where {{ left_where }}
        group by {{ scope_columns }}, {{ left_key }}
    ),

    right_side as (
        select {{ scope_columns }}, {{ right_key }} as match_key, sum(amount_yuan) as amount
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
        from left_side
        full outer join right_side
            on {% for column in scope %}left_side.{{ column }} is not distinct from right_side.{{ column }}
            and {% endfor -%} left_side.match_key = right_side.match_key
    )

    select
        *,
        actual - expected as difference
    from compared
    where abs(actual - expected) > {{ tolerance }}
{% endtest %}
