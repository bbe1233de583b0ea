{#- Where the staging models read a ledger entity from: always the dbt source `ledger.<entity>`, so
    the lineage is one graph from the ledger source to the exposures, with three columns beside
    the contract's: source_file, source_sheet, source_row (where each row came from, for every
    finding to name). Every staging model goes through here, so the ledger is chosen in one place.
    - No landing: the source's tables are the bundled example, loaded by the seeds
      seeds/example/example_<entity>.csv into the source's own schema `ledger` (the jaffle-shop
      pattern); the ref() below only orders the seed before the staging model that reads it. An
      entity the example has no seed for (example_ledger_entities: the books) has no rows.
    - A landing (ledger_landing): the rows the ingest step landed as text, with their file, sheet
      and row; or a Parquet file of the ledger folder read in place through the column names the
      ingest step matched (its row number: the row's position in the file, from 1); or, for a
      file refused or absent, no rows (the file's finding stops the build).
    Every ledger staging model is a child of stg_ledger__file_findings, so a file finding that is
    an error skips every table built on the ledger. -#}
{% macro ledger_relation(entity) -%}
{%- set declared = source('ledger', entity) -%}
{%- set file_findings = ref('stg_ledger__file_findings') -%}
{%- set columns = graph.sources['source.juesuan.ledger.' ~ entity].columns.keys() | list if execute else [] -%}
{%- set read = ledger_file(entity) -%}
{%- if ledger_landing() == '' and entity in example_ledger_entities() -%}
{%- set example_seed = ref('example_' ~ entity) -%}
(select
    *,
    cast('seeds/example/example_{{ entity }}.csv' as {{ text_type() }}) as source_file,
    cast(null as {{ text_type() }}) as source_sheet,
    cast(null as bigint) as source_row
from {{ declared }}) as ledger_rows
{%- elif ledger_landing() == '' -%}
{#- An entity the example has no file for (the books): no rows, typed as a file is read. #}
(select
    {%- for column in columns %}
    cast(null as {{ text_type() }}) as {{ column }},
    {%- endfor %}
    cast(null as {{ text_type() }}) as source_file,
    cast(null as {{ text_type() }}) as source_sheet,
    cast(null as bigint) as source_row
where 1 = 0) as ledger_rows
{%- elif read is none -%}
(select * from {{ declared }}) as ledger_rows
{%- elif read.status == 'in_place' -%}
(select
    {%- for column in columns %}
    {% if column in read.column_map %}{{ adapter.quote(read.column_map[column]) }}{% else %}cast(null as {{ text_type() }}){% endif %} as {{ column }},
    {%- endfor %}
    cast('{{ read.source_file }}' as {{ text_type() }}) as source_file,
    cast(null as {{ text_type() }}) as source_sheet,
    cast(ledger_file_row as bigint) as source_row
from {{ parquet_file(read.read_path, row_number='ledger_file_row') }} as file_rows) as ledger_rows
{%- else -%}
(select * from {{ parquet_file(read.read_path) }} as file_rows) as ledger_rows
{%- endif -%}
{%- endmacro %}
