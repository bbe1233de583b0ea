{#- What the build read for each ledger entity (scripts/juesuan/ingest/landing.py): the file, its
    format, encoding and sheet, the header's row, how many rows were read and how many lines
    were not (a title above the header, blank lines), the columns not read. One row per entity;
    for the bundled example, the seeds. -#}
{%- set landing = ledger_landing() %}

{% if landing == '' -%}
    {%- for entity in example_ledger_entities() %}
        select
            cast('{{ entity }}' as {{ text_type() }}) as entity,
            cast('seed' as {{ text_type() }}) as status,
            cast('seeds/example/example_{{ entity }}.csv' as {{ text_type() }}) as source_file,
            cast('csv' as {{ text_type() }}) as file_format,
            cast('UTF-8' as {{ text_type() }}) as encoding,
            cast(null as {{ text_type() }}) as source_sheet,
            cast(1 as bigint) as header_row,
            cast((select count(*) from {{ ref('example_' ~ entity) }}) as bigint) as row_count,
            cast(0 as bigint) as lines_not_read,
            cast(null as {{ text_type() }}) as extra_columns
        {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- else -%}
    select
        cast(entity as {{ text_type() }}) as entity,
        cast(status as {{ text_type() }}) as status,
        cast(source_file as {{ text_type() }}) as source_file,
        cast(file_format as {{ text_type() }}) as file_format,
        cast(encoding as {{ text_type() }}) as encoding,
        cast(source_sheet as {{ text_type() }}) as source_sheet,
        cast(header_row as bigint) as header_row,
        cast(rows as bigint) as row_count,
        cast(lines_not_read as bigint) as lines_not_read,
        cast(extra_columns as {{ text_type() }}) as extra_columns
    from {{ parquet_file(landing ~ '/files.parquet') }} as landed
{%- endif %}
