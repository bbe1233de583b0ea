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
