{#- In a table of coded rows (类 3 digits, 款 5, 项 7; a child's parent is its code less two
    digits) plus a total row (no code): every parent cell equals the sum of its children's cells
    in the same group: total = Σ 类, 类 = Σ 款, 款 = Σ 项. Codes of `leaf_length` digits have no
    children (7 for function codes, 5 for economic codes). A non-zero parent without children,
    and children whose parent row is missing, fail too. `tolerance_per_part` allows, for rounded
    amounts, half a unit × (number of children + 1) (XBRL Calculations 1.1). -#}
{% test rollup_matches_children(
    model, group_by, code_column='row_code', amount_column='amount_yuan', leaf_length=7,
    tolerance_per_part=0
) %}
    {%- set keys = group_by | join(', ') %}
    with cells as (
        select
            {{ keys }},
            {{ code_column }} as code,
            case
                when {{ code_column }} is null then null
                when length({{ code_column }}) = 3 then ''
                else left({{ code_column }}, length({{ code_column }}) - 2)
            end as parent_code,
            {{ amount_column }} as amount
        from {{ model }}
    ),

    children as (
        select {{ keys }}, parent_code, sum(amount) as children_amount, count(*) as child_count
        from cells
        where code is not null
        group by {{ keys }}, parent_code
    ),

    parents as (
        select {{ keys }}, coalesce(code, '') as parent_code, amount as parent_amount
        from cells
        where code is null or length(code) < {{ leaf_length }}
    )

    select
        {% for key in group_by %}coalesce(parents.{{ key }}, children.{{ key }}) as {{ key }},
        {% endfor -%}
        coalesce(parents.parent_code, children.parent_code) as parent_code,
        parents.parent_amount as actual,
        children.children_amount as expected,
        coalesce(parents.parent_amount, 0) - coalesce(children.children_amount, 0) as difference
    from parents
    full outer join children
        on {% for key in group_by %}parents.{{ key }} is not distinct from children.{{ key }}
        and {% endfor -%} parents.parent_code = children.parent_code
    where parents.parent_amount is null
        or children.children_amount is null and parents.parent_amount <> 0
        or abs(parents.parent_amount - children.children_amount)
        > {{ tolerance_per_part }} * (children.child_count + 1)
{% endtest %}
