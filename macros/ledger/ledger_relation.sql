{#- Where the staging models read a ledger entity from: always the dbt source `ledger.<entity>`, so
    the lineage is one graph from the ledger source to the exposures. Every staging model goes
    through here, so the ledger is chosen in one place.
    - No path given: the source's tables are the bundled example, loaded by the seeds
      seeds/example/example_<entity>.csv into the source's own schema `ledger` (the jaffle-shop
      pattern); the ref() below only orders the seed before the staging model that reads it.
    - var `ledger_path` (or env JUESUAN_LEDGER_PATH) set: the same source, read in place by DuckDB
      from <path>/<entity>.parquet, else <path>/<entity>.csv with the column types declared in
      models/staging/_ledger__sources.yml. A missing file stops the build naming it. -#}
{% macro ledger_relation(entity) -%}
{%- set path = ledger_path() -%}
{%- set declared = source('ledger', entity) -%}
{%- if path == '' -%}
{%- set example_seed = ref('example_' ~ entity) -%}
{{ declared }}
{%- else -%}
{{ ledger_file_reader(entity, path.rstrip('/')) }}
{%- endif -%}
{%- endmacro %}

{% macro ledger_file_reader(entity, path) -%}
{%- set file = ledger_found_file(entity, path) -%}
{%- if file.endswith('.parquet') -%}
read_parquet('{{ file }}')
{%- else -%}
{%- set columns = graph.sources['source.juesuan.ledger.' ~ entity].columns.values() -%}
read_csv('{{ file }}', header = true, auto_detect = false, columns = {
{%- for column in columns %}
'{{ column.name }}': '{{ column.data_type }}'{{ ',' if not loop.last }}
{%- endfor %}
})
{%- endif -%}
{%- endmacro %}
