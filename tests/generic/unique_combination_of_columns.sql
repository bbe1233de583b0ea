{#- Fails with each combination of the given columns that occurs more than once. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {{ repeated_combinations(model, combination_of_columns) }}
{% endtest %}
