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

{#- A ledger file, read by its header names: the columns may come in any order; a declared column
    the file lacks stops the build naming the file and the columns; columns the file has beyond
    the contract are left out and listed once in the log. CSV is read as text (staging casts and
    checks every field); Parquet keeps its types. -#}
{% macro ledger_file_reader(entity, path) -%}
{%- set file = ledger_found_file(entity, path) -%}
{%- if file.endswith('.parquet') -%}
    {%- set reader = "read_parquet('" ~ file ~ "')" -%}
{%- else -%}
    {%- set reader = "read_csv('" ~ file ~ "', header = true, all_varchar = true, delim = ',', quote = '\"')" -%}
{%- endif -%}
{%- if execute -%}
    {%- set declared = graph.sources['source.juesuan.ledger.' ~ entity].columns.keys() | list -%}
    {%- set given = run_query("select * from " ~ reader ~ " limit 0").column_names -%}
    {%- set by_name = {} -%}
    {%- for name in given -%}
        {%- do by_name.update({name | trim | lower: name}) -%}
    {%- endfor -%}
    {%- if given | list == ['column0'] -%}
        {{ exceptions.raise_compiler_error("ledger file empty: " ~ file ~ " has no header line (expected columns " ~ declared | join(', ') ~ ")") }}
    {%- endif -%}
    {%- set missing = declared | reject('in', by_name) | list -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error(
            "ledger file " ~ file ~ " lacks column" ~ ('s ' if missing | length > 1 else ' ') ~ missing | join(', ')
            ~ " (its header: " ~ given | join(', ') ~ "; docs/input_contract.md)"
        ) }}
    {%- endif -%}
    {%- set extra = by_name.keys() | reject('in', declared) | list -%}
    {%- if extra -%}
        {%- do log("ledger file " ~ file ~ ": columns not in the contract, not read: " ~ extra | join(', '), info=True) -%}
    {%- endif -%}
(select
    {%- for column in declared %}
    "{{ by_name[column] }}" as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ reader }})
{%- else -%}
{{ reader }}
{%- endif -%}
{%- endmacro %}
