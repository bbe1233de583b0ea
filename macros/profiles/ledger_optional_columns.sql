{#- Columns a ledger file may leave out (departments.profile_code): a relation of the entity's key
    and those columns as given, all text, or no rows when the file (or the example seed) lacks
    them, so staging coalesces them to their default. Read beside ledger_relation(), not through
    it: the file reader (macros/ledger/) stops on a declared column the file lacks, so an optional
    column is not declared in the source; this macro reads the same file once more for it, by
    header name, and only calls ledger_found_file() to find it. -#}
{% macro ledger_optional_columns(entity, key_column, columns) -%}
{%- set path = ledger_path() -%}
{%- if path == '' -%}
    {%- set relation = source('ledger', entity) -%}
    {%- set reader = relation | string -%}
{%- else -%}
    {%- set file = ledger_found_file(entity, path.rstrip('/')) -%}
    {%- if file.endswith('.parquet') -%}
        {%- set reader = "read_parquet('" ~ file ~ "')" -%}
    {%- else -%}
        {%- set reader = "read_csv('" ~ file ~ "', header = true, all_varchar = true, delim = ',', quote = '\"')" -%}
    {%- endif -%}
{%- endif -%}
{%- set by_name = {} -%}
{%- if execute -%}
    {%- if path == '' -%}
        {%- set given = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
    {%- else -%}
        {%- set given = run_query("select * from " ~ reader ~ " limit 0").column_names -%}
    {%- endif -%}
    {%- for name in given -%}
        {%- do by_name.update({name | trim | lower: name}) -%}
    {%- endfor -%}
{%- endif -%}
{%- if key_column in by_name and columns | select('in', by_name) | list | length == columns | length -%}
    select distinct
        cast("{{ by_name[key_column] }}" as varchar) as {{ key_column }}
        {%- for column in columns %},
        cast("{{ by_name[column] }}" as varchar) as {{ column }}
        {%- endfor %}
    from {{ reader }}
{%- else -%}
    select
        cast(null as varchar) as {{ key_column }}
        {%- for column in columns %},
        cast(null as varchar) as {{ column }}
        {%- endfor %}
    where 1 = 0
{%- endif -%}
{%- endmacro %}

{#- The profile of a department that names none: var `default_profile_code`, else central-2023
    (the layout the project published before profiles existed; DECISIONLOG §20). -#}
{% macro default_profile_code() -%}
    '{{ var("default_profile_code", "central-2023") }}'
{%- endmacro %}
