{#- The file problems the ingest step found (scripts/juesuan/ingest/landing.py): one row per
    problem, with the input rule it breaks and the file, sheet, row, column and value it names.
    Each rule is a test on this model (_staging__models.yml), and every ledger staging model is a
    child of it (macros/ledger/ledger_relation.sql), so an error here stops every table. Empty
    for the bundled example. -#}
{%- set landing = ledger_landing() %}

{% if landing == '' -%}
    select
        cast(null as varchar) as rule_id,
        cast(null as varchar) as entity,
        cast(null as varchar) as source_file,
        cast(null as varchar) as source_sheet,
        cast(null as bigint) as source_row,
        cast(null as varchar) as column_name,
        cast(null as varchar) as value_as_given,
        cast(null as varchar) as problem
    where 1 = 0
{%- else -%}
    select
        cast(rule_id as varchar) as rule_id,
        cast(entity as varchar) as entity,
        cast(source_file as varchar) as source_file,
        cast(source_sheet as varchar) as source_sheet,
        cast(source_row as bigint) as source_row,
        cast(column_name as varchar) as column_name,
        cast(value_as_given as varchar) as value_as_given,
        cast(problem as varchar) as problem
    from read_parquet('{{ landing }}/findings.parquet')
{%- endif %}
