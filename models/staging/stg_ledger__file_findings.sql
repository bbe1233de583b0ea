{#- The file problems the ingest step found (scripts/juesuan/ingest/landing.py): one row per
    problem, with the input rule it breaks and the file, sheet, row, column and value it names.
    Each rule is a test on this model (_staging__models.yml), and every ledger staging model is a
    child of it (macros/ledger/ledger_relation.sql), so an error here stops every table. Empty
    for the bundled example. -#}
{%- set landing = ledger_landing() %}

{% if landing == '' -%}
    select
        cast(null as {{ text_type() }}) as rule_id,
        cast(null as {{ text_type() }}) as entity,
        cast(null as {{ text_type() }}) as source_file,
        cast(null as {{ text_type() }}) as source_sheet,
        cast(null as bigint) as source_row,
        cast(null as {{ text_type() }}) as column_name,
        cast(null as {{ text_type() }}) as value_as_given,
        cast(null as {{ text_type() }}) as problem
    where 1 = 0
{%- else -%}
    select
        cast(rule_id as {{ text_type() }}) as rule_id,
        cast(entity as {{ text_type() }}) as entity,
        cast(source_file as {{ text_type() }}) as source_file,
        cast(source_sheet as {{ text_type() }}) as source_sheet,
        cast(source_row as bigint) as source_row,
        cast(column_name as {{ text_type() }}) as column_name,
        cast(value_as_given as {{ text_type() }}) as value_as_given,
        cast(problem as {{ text_type() }}) as problem
    from {{ parquet_file(landing ~ '/findings.parquet') }} as landed
{%- endif %}
