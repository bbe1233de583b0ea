{#- Ledger fields arrive as text and are read here, once, for every ledger file.

    normalised_code: codes are text; surrounding spaces and full-width digits (０-９) are
    normalised, never rejected (rule I25 reports each normalised value as a warning).
    amount_from_text: an amount in 元 with at most two decimals; anything else becomes null and
    rules I17/I18 name the row (a decimal cast would silently round 1.234 to 1.23), unless the
    file's own column type already guarantees it (ledger_column_holds_yuan). -#}
{#- translate() is the costly part (at 10M lines it was most of staging: 15 s of 18 s), and an
    ASCII-only value (as many bytes as characters) has no full-width digit to translate. -#}
{% macro normalised_code(column) -%}
    {%- set text = 'cast(' ~ column ~ ' as varchar)' -%}
    case
        when {{ byte_length(text) }} = length({{ text }}) then nullif(trim({{ text }}), '')
        else nullif(translate(trim({{ text }}), '０１２３４５６７８９', '0123456789'), '')
    end
{%- endmacro %}

{% macro amount_from_text(column, entity) -%}
    {%- if ledger_column_holds_yuan(entity, column) -%}
    cast({{ column }} as decimal(18, 2))
    {%- else -%}
    case
        when {{ matches_pattern('trim(cast(' ~ column ~ ' as varchar))', '^-?[0-9]+([.][0-9]{1,2})?$') }}
            then cast(trim(cast({{ column }} as varchar)) as decimal(18, 2))
    end
    {%- endif -%}
{%- endmacro %}

{#- True when a ledger file types the column so that every value is already an amount in 元 with
    at most two decimals that fits decimal(18, 2): a Parquet DECIMAL(p, s) with s <= 2 and
    p - s <= 16, or a small integer type. Such a column is cast directly, without the text round
    trip and its regular expression (rules I17/I18 cannot fail on it). Text, floating-point and
    wider types (CSV files, the example seeds) take the text path. -#}
{% macro ledger_column_holds_yuan(entity, column) -%}
    {%- set path = ledger_path() -%}
    {%- if path == '' or not execute -%}
        {{- return(false) -}}
    {%- endif -%}
    {%- set file = ledger_found_file(entity, path.rstrip('/')) -%}
    {%- if not file.endswith('.parquet') -%}
        {{- return(false) -}}
    {%- endif -%}
    {%- set found = run_query(
        "select column_type from (describe select " ~ column ~ " from read_parquet('" ~ file ~ "'))"
    ).columns[0].values() -%}
    {%- set type = (found[0] if found else '') | upper -%}
    {%- set decimal = modules.re.match('^DECIMAL\((\d+),\s*(\d+)\)$', type) -%}
    {%- if decimal -%}
        {%- set precision, scale = decimal.group(1) | int, decimal.group(2) | int -%}
        {{- return(scale <= 2 and precision - scale <= 16) -}}
    {%- endif -%}
    {{- return(type in ['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT', 'UINTEGER']) -}}
{%- endmacro %}

{#- The file a ledger row came from, as findings name it. -#}
{% macro ledger_file_label(entity) -%}
    {%- set path = ledger_path() -%}
    {%- if path == '' -%}
        'seeds/example/example_{{ entity }}.csv'
    {%- else -%}
        '{{ ledger_found_file(entity, path.rstrip("/")) }}'
    {%- endif -%}
{%- endmacro %}
