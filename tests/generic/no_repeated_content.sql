{#- Fails with every row whose content (the given columns, nulls equal to nulls) is repeated on
    another row, each row named on its own (its id and file included): rule I30, a voucher line
    entered twice under different entry ids. Reuses repeated_combinations (DuckDB groups a hash
    first), then returns the rows of each repeated combination. -#}
{% test no_repeated_content(model, columns) %}
    with repeated as (
        {{ repeated_combinations(model, columns) }}
    )

    select
        lines.*,
        repeated.occurrences
    from {{ model }} as lines
    inner join repeated
        on
        {%- for column in columns %}
            {% if not loop.first %}and {% endif %}lines.{{ column }} is not distinct from repeated.{{ column }}
        {%- endfor %}
{% endtest %}
