{#- Where the staging models read a ledger entity from; every staging model goes through here, so
    the ledger source is chosen in one place.
    - No path given: the bundled example seeds (seeds/example/example_<entity>.csv).
    - var `ledger_path` (or env JUESUAN_LEDGER_PATH) set: the dbt source `ledger.<entity>`, read in
      place by DuckDB from <path>/<entity>.parquet, else <path>/<entity>.csv with the column types
      declared in models/staging/_ledger__sources.yml. A missing file stops the build naming it. -#}
{% macro ledger_path() -%}
{{- return(var('ledger_path', env_var('JUESUAN_LEDGER_PATH', '')) | trim) -}}
{%- endmacro %}

{% macro ledger_relation(entity) -%}
{%- set path = ledger_path() -%}
{%- if path == '' -%}
{{ ref('example_' ~ entity) }}
{%- else -%}
{#- source() registers the dependency (lineage, docs); the reader below is what DuckDB runs. -#}
{%- set declared = source('ledger', entity) -%}
{{ ledger_file_reader(entity, path.rstrip('/')) }}
{%- endif -%}
{%- endmacro %}

{#- The ledger file an entity is read from: <path>/<entity>.parquet, else <path>/<entity>.csv. -#}
{% macro ledger_found_file(entity, path) -%}
{%- set parquet = path ~ '/' ~ entity ~ '.parquet' -%}
{%- set csv = path ~ '/' ~ entity ~ '.csv' -%}
{%- if not execute -%}
{{- return(parquet) -}}
{%- endif -%}
{%- set found = run_query(
    "select file from glob('" ~ parquet ~ "') union all select file from glob('" ~ csv ~ "')"
).columns[0].values() -%}
{%- if parquet in found -%}
{{- return(parquet) -}}
{%- elif csv in found -%}
{{- return(csv) -}}
{%- else -%}
{{ exceptions.raise_compiler_error(
    "ledger file missing: neither " ~ parquet ~ " nor " ~ csv ~ " exists (ledger_path = " ~ path ~ ")"
) }}
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
