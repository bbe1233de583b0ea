{#- A ledger date, read from the spellings an office writes: 2024-06-30 (also 2024-6-3, and with a
    time of day), 2024/06/30, 2024.06.30, 20240630, 2024年6月30日, and an Excel serial number
    (45473 = 2024-06-30: days since 1899-12-30, what a date cell holds when a CSV is saved without
    its format; five digits only). A workbook's date cells arrive as YYYY-MM-DD from the ingest
    step. Anything else is null, for rule I33 to name: a day that does not exist (2024-02-30), and
    the ambiguous 06/30/2024 or 30/06/2024 (month or day first?) which no rule could read safely.
    On other engines the column is the example's typed date (the ledger files are DuckDB's). -#}
{% macro date_from_text(column) -%}
    {{ return(adapter.dispatch('date_from_text', 'juesuan')(column)) }}
{%- endmacro %}

{% macro duckdb__date_from_text(column) -%}
    {%- set text = 'trim(cast(' ~ column ~ (' as ' ~ text_type() ~ '))') -%}
    case
        when regexp_full_match({{ text }}, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}( [0-9:.]+)?')
            then try_cast(split_part({{ text }}, ' ', 1) as date)
        when regexp_full_match({{ text }}, '[0-9]{4}([./])[0-9]{1,2}[./][0-9]{1,2}( [0-9:.]+)?')
            then try_cast(regexp_replace(split_part({{ text }}, ' ', 1), '[./]', '-', 'g') as date)
        when regexp_full_match({{ text }}, '[0-9]{8}')
            then try_cast(substr({{ text }}, 1, 4) || '-' || substr({{ text }}, 5, 2) || '-' || substr({{ text }}, 7, 2) as date)
        when regexp_full_match({{ text }}, '[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日')
            then try_cast(regexp_replace({{ text }}, '^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$', '\1-\2-\3') as date)
        when regexp_full_match({{ text }}, '[1-9][0-9]{4}')
            then date '1899-12-30' + cast({{ text }} as integer)
    end
{%- endmacro %}

{% macro default__date_from_text(column) -%}
    cast({{ column }} as date)
{%- endmacro %}
