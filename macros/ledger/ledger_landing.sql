{#- The landed ledger this build reads: var `ledger_landing`, else env JUESUAN_LEDGER_LANDING; ''
    for the bundled example. A landing is what the ingest step (`juesuan ingest`, run by
    `juesuan build --ledger DIR`) wrote from a ledger folder: files.parquet (what was read from
    where), findings.parquet (each file problem) and <entity>.parquet (the rows as text). The
    var `ledger_path` of earlier versions named the folder itself: it now stops the build saying
    what to run instead. -#}
{% macro ledger_landing() -%}
    {%- if var('ledger_path', '') != '' -%}
        {{ exceptions.raise_compiler_error(
            "var ledger_path is no longer read by dbt: the files are landed first. Run `juesuan build --ledger "
            ~ var('ledger_path') ~ "`, or `juesuan ingest " ~ var('ledger_path')
            ~ " --out <landing>` and then dbt with --vars '{ledger_landing: <landing>}'"
        ) }}
    {%- endif -%}
    {{- return((var('ledger_landing', env_var('JUESUAN_LEDGER_LANDING', '')) | trim).rstrip('/')) -}}
{%- endmacro %}

{#- What the ingest step read for one entity: a row of <landing>/files.parquet as a dict
    (status landed | in_place | absent | refused, source_file, read_path, column_map: contract
    column -> the file's column, column_types), or none before execution. A landing without
    files.parquet is not a landing: the build stops saying so. -#}
{% macro ledger_file(entity) -%}
    {%- set landing = ledger_landing() -%}
    {%- if not execute or landing == '' -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- if not ledger_landing_has_manifest(landing) -%}
        {{ exceptions.raise_compiler_error(
            "not a ledger landing: " ~ landing ~ " has no files.parquet. Land the ledger folder first: `juesuan ingest <folder> --out "
            ~ landing ~ "` (`juesuan build --ledger <folder>` does it)") }}
    {%- endif -%}
    {%- set found = run_query(
        "select status, source_file, read_path, column_map, column_types from "
        ~ parquet_file(landing ~ "/files.parquet") ~ " where entity = '" ~ entity ~ "'"
    ) -%}
    {%- if found.rows | length != 1 -%}
        {{ exceptions.raise_compiler_error(
            "ledger landing " ~ landing ~ " has no entry for " ~ entity ~ ": land the ledger again (`juesuan ingest`)") }}
    {%- endif -%}
    {%- set row = found.rows[0] -%}
    {{- return({
        'status': row['status'], 'source_file': row['source_file'], 'read_path': row['read_path'],
        'column_map': fromjson(row['column_map'] or '{}'), 'column_types': fromjson(row['column_types'] or '{}')}) -}}
{%- endmacro %}

{#- Whether the landing has its manifest, files.parquet, asked before reading it so that the error
    says what to run. DuckDB looks (glob); Spark SQL cannot ask whether a file exists, so on Spark
    the read itself stops the build naming the path ([PATH_NOT_FOUND] …/files.parquet), and
    `juesuan build --ledger` always writes the manifest before dbt starts. -#}
{% macro ledger_landing_has_manifest(landing) -%}
    {{ return(adapter.dispatch('ledger_landing_has_manifest', 'juesuan')(landing)) }}
{%- endmacro %}

{% macro duckdb__ledger_landing_has_manifest(landing) -%}
    {%- set found = run_query("select count(*) from glob('" ~ landing ~ "/files.parquet')") -%}
    {{ return(found.columns[0].values()[0] > 0) }}
{%- endmacro %}

{% macro default__ledger_landing_has_manifest(landing) -%}
    {{ return(true) }}
{%- endmacro %}
