{#- Fails with each combination of the given columns that occurs more than once. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {{ adapter.dispatch('repeated_combinations', 'juesuan')(model, combination_of_columns) }}
{% endtest %}
