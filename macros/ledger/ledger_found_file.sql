{#- The one file an entity is read from: <path>/<entity>.parquet or <path>/<entity>.csv. Two of
    them (an old Parquet beside a new CSV) stop the build naming both, rather than one being read
    silently; none stops it naming what was looked for, and any other file of that name found
    (an .xlsx, a .tsv), which is not read. -#}
{% macro ledger_found_file(entity, path) -%}
{%- set readable = ['parquet', 'csv'] -%}
{%- set parquet = path ~ '/' ~ entity ~ '.parquet' -%}
{%- set csv = path ~ '/' ~ entity ~ '.csv' -%}
{%- if not execute -%}
{{- return(parquet) -}}
{%- endif -%}
{%- set found = run_query("select file from glob('" ~ path ~ "/" ~ entity ~ ".*') order by file").columns[0].values() -%}
{%- set candidates = [] -%}
{%- set others = [] -%}
{%- for file in found -%}
    {%- do (candidates if file.rsplit('.', 1)[-1] | lower in readable else others).append(file) -%}
{%- endfor -%}
{%- if candidates | length > 1 -%}
{{ exceptions.raise_compiler_error(
    "ledger file ambiguous: " ~ candidates | join(' and ') ~ " are both " ~ entity
    ~ "; keep the one to read and move the other out of " ~ path
) }}
{%- elif candidates | length == 1 -%}
{{- return(candidates[0]) -}}
{%- else -%}
{{ exceptions.raise_compiler_error(
    "ledger file missing: neither " ~ parquet ~ " nor " ~ csv ~ " exists (ledger_path = " ~ path ~ ")"
    ~ ((". Found " ~ others | join(', ') ~ ", which is not read: save it as CSV (UTF-8) or Parquet") if others else "")
) }}
{%- endif -%}
{%- endmacro %}
