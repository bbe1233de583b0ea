{#- Fails with every row whose content (the given columns, nulls equal to nulls) is repeated on
    another row under a different id, each row named on its own (its id and file included):
    rule I30, a voucher line entered twice under different entry ids. (The same id twice is
    I20's finding, not this one's.) Reuses repeated_combinations (DuckDB groups a hash first) to
    find the candidates, then keeps the contents that carry more than one id. -#}
{% test no_repeated_content(model, columns, id_column) %}
    {%- set same_content -%}
        {%- for column in columns %}
            {% if not loop.first %}and {% endif %}lines.{{ column }} is not distinct from repeated.{{ column }}
        {%- endfor %}
    {%- endset %}
    with repeated_candidates as (
        {{ repeated_combinations(model, columns) }}
    ),

    candidate_lines as (
        select lines.*
        from {{ model }} as lines
        inner join repeated_candidates as repeated on {{ same_content }}
    ),

    repeated as (
        select
            {{ columns | join(', ') }},
            count(distinct {{ id_column }}) as occurrences
        from candidate_lines
        group by {{ columns | join(', ') }}
        having count(distinct {{ id_column }}) > 1
    )

    select
        lines.*,
        repeated.occurrences
    from candidate_lines as lines
    inner join repeated on {{ same_content }}
{% endtest %}
