{#- Ledger fields arrive as text and are read here, once, for every ledger file.

    normalised_code: codes are text; surrounding spaces and full-width digits (０-９) are
    normalised, never rejected (rule I25 reports each normalised value as a warning).
    amount_from_text: an amount in 元 with at most two decimals; anything else becomes null and
    rules I17/I18 name the row (a decimal cast would silently round 1.234 to 1.23). -#}
{% macro normalised_code(column) -%}
    nullif(translate(trim(cast({{ column }} as varchar)), '０１２３４５６７８９', '0123456789'), '')
{%- endmacro %}

{% macro amount_from_text(column) -%}
    case
        when {{ matches_pattern('trim(cast(' ~ column ~ ' as varchar))', '^-?[0-9]+([.][0-9]{1,2})?$') }}
            then cast(trim(cast({{ column }} as varchar)) as decimal(18, 2))
    end
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
