{#- Fails with every row for which the boolean SQL expression does not hold: false or null both fail.
    (dbt-utils' expression_is_true lets a null pass; this test does not, hence its own name.) -#}
{% test expression_holds(model, expression) %}
    select *
    from {{ model }}
    where not coalesce({{ expression }}, false)
{% endtest %}
