{#- In a table of coded rows (类 3 digits, 款 5, 项 7; a child's parent is its code less two
    digits) plus a total row (no code): every parent cell equals the sum of its children's cells
    in the same group: total = Σ 类, 类 = Σ 款, 款 = Σ 项. Codes of `leaf_length` digits have no
    children (7 for function codes, 5 for economic codes). A non-zero parent without children,
    and children whose parent row is missing, fail too. `tolerance_per_part` allows, for rounded
    amounts, half a unit × (number of children + 1) (XBRL Calculations 1.1).
    One aggregation: each row adds its amount to its own bucket as a parent and to its parent's
    bucket as a child, so parents and the sums of their children meet without a join.
    On a published document's cells (meta printed_half_unit_yuan) each printed part adds half a
    unit (none for a parent with one child: the same quantity), and the row names the parent's
    page and cell (locator). -#}
{% test rollup_matches_children(
    model, group_by, code_column='row_code', amount_column='amount_yuan', leaf_length=7,
    tolerance_per_part=0
) %}
    {%- set keys = group_by | join(', ') %}
    {%- set half_unit = printed_half_unit(model) %}
    {%- set located = ', page, locator' if half_unit else '' %}
    with cells as (
        select
            {{ keys }},
            {{ code_column }} as code,
            case
                when {{ code_column }} is null then null
                when length({{ code_column }}) = 3 then ''
                else left({{ code_column }}, length({{ code_column }}) - 2)
            end as parent_code,
            {{ amount_column }} as amount{{ located }}
        from {{ model }}
    ),

    contributions as (
        select
            {{ keys }},
            coalesce(code, '') as parent_code,
            amount as parent_amount,
            case when false then amount end as child_amount,
            0 as is_child{{ located }}
        from cells
        where code is null or length(code) < {{ leaf_length }}
        union all
        select
            {{ keys }},
            parent_code,
            case when false then amount end as parent_amount,
            amount as child_amount,
            1 as is_child{{ located }}
        from cells
        where code is not null
    ),

    compared as (
        select
            {{ keys }},
            parent_code,
            sum(parent_amount) as actual,
            sum(child_amount) as expected,
            sum(is_child) as child_count
            {%- if half_unit %},
            min(case when is_child = 0 then page end) as page,
            min(case when is_child = 0 then locator end) as locator
            {%- endif %}
        from contributions
        group by {{ keys }}, parent_code
    )

    select
        *,
        coalesce(actual, 0) - coalesce(expected, 0) as difference
    from compared
    where actual is null
        or expected is null and actual <> 0
        or abs(actual - expected) > {{ tolerance_per_part }} * (child_count + 1)
        {%- if half_unit %} + {{ printed_allowance(half_unit, 'child_count + 1') }}{% endif %}
{% endtest %}
