{#- One Parquet file read where it is, as a relation for a from clause: every column of the file,
    and with `row_number` (a column name) the row's position in the file, from 1. `path` must be
    absolute: dbt runs in the project folder, Spark resolves a relative path against its own.
    DuckDB read_parquet (file_row_number); Spark parquet.`…` (_metadata.row_index). PostgreSQL
    reads no files: a ledger landing is built on DuckDB or Spark. -#}
{% macro parquet_file(path, row_number=none) -%}
    {{ return(adapter.dispatch('parquet_file', 'juesuan')(path, row_number)) }}
{%- endmacro %}

{% macro duckdb__parquet_file(path, row_number) -%}
    {%- if row_number is none -%}
        read_parquet('{{ path }}')
    {%- else -%}
        (select * exclude (file_row_number), file_row_number + 1 as {{ row_number }}
        from read_parquet('{{ path }}', file_row_number = true))
    {%- endif -%}
{%- endmacro %}

{% macro spark__parquet_file(path, row_number) -%}
    {%- if row_number is none -%}
        parquet.`{{ path }}`
    {%- else -%}
        (select *, _metadata.row_index + 1 as {{ row_number }} from parquet.`{{ path }}`)
    {%- endif -%}
{%- endmacro %}

{% macro default__parquet_file(path, row_number) -%}
    {{ exceptions.raise_compiler_error(
        "parquet_file (" ~ path ~ ") is not implemented for " ~ target.type ~ ": " ~ target.type
        ~ " does not read files. Build a ledger or document landing on DuckDB (the default target) or Spark"
        ~ " (--target spark), or load the ledger into the `ledger` source's tables (docs/scale-out.md)"
    ) }}
{%- endmacro %}
