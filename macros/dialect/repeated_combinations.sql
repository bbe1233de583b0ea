{#- The failing rows of test unique_combination_of_columns: each combination of the columns that
    occurs more than once, with its count. Portable grouping by default; DuckDB hashes first. -#}
{% macro repeated_combinations(model, combination_of_columns) -%}
    {{ return(adapter.dispatch('repeated_combinations', 'juesuan')(model, combination_of_columns)) }}
{%- endmacro %}

{% macro default__repeated_combinations(model, combination_of_columns) -%}
    {%- set columns = combination_of_columns | join(', ') -%}
    select {{ columns }}, count(*) as occurrences
    from {{ model }}
    group by {{ columns }}
    having count(*) > 1
{%- endmacro %}

{#- DuckDB: group one 64-bit hash per row first (far cheaper than grouping several texts), then
    group the real columns of only the rows whose hash repeats. Equal keys have equal hashes, so
    every repeated combination is found; a hash collision only adds a candidate the second
    grouping discards. BENCHMARKS.md: 9.7M cells 2.8 s → 1.2 s. -#}
{% macro duckdb__repeated_combinations(model, combination_of_columns) -%}
    {%- set columns = combination_of_columns | join(', ') -%}
    with repeated_hashes as (
        select hash({{ columns }}) as key_hash
        from {{ model }}
        group by key_hash
        having count(*) > 1
    )

    select {{ columns }}, count(*) as occurrences
    from {{ model }}
    semi join repeated_hashes on hash({{ columns }}) = repeated_hashes.key_hash
    group by {{ columns }}
    having count(*) > 1
{%- endmacro %}
