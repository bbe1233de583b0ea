{#- Fails (one row) when the model and `compare_model` have different row counts: a model that
    should keep every input row lost or duplicated some. -#}
{% test equal_row_count(model, compare_model) %}
    with

    counts as (
        select
            (select count(*) from {{ model }}) as actual,
            (select count(*) from {{ compare_model }}) as expected
    )

    select
        *,
        actual - expected as difference
    from counts
    where actual <> expected
{% endtest %}
