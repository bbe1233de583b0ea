{#- Ledger amounts arrive as text and are read here, once, for every ledger file: an amount in 元
    with at most two decimals; anything else becomes null and rules I17/I18 (the generic tests
    amount_is_a_number and amount_has_at_most_two_decimals beside this file) name the row (a
    decimal cast would silently round 1.234 to 1.23), unless the file's own column type already
    guarantees it (ledger_amount_typing, below). -#}
{% macro amount_from_text(column, entity) -%}
    {%- set typed = ledger_amount_typing(entity, column) -%}
    {%- if typed == 'cents' -%}
    cast({{ column }} as decimal(18, 2))
    {%- elif typed == 'decimal' -%}
    case when {{ column }} = round({{ column }}, 2) then cast({{ column }} as decimal(18, 2)) end
    {%- else -%}
    case
        when {{ matches_pattern('trim(cast(' ~ column ~ (' as ' ~ text_type() ~ '))'), amount_text_pattern('yuan')) }}
            then cast(trim(cast({{ column }} as {{ text_type() }})) as decimal(18, 2))
    end
    {%- endif -%}
{%- endmacro %}

{#- How a ledger file types an amount column, which decides how staging reads it:
    'cents': every value is already 元 with at most two decimals that fits decimal(18, 2) (a
      Parquet DECIMAL(p, s) with s <= 2 and p - s <= 16, or a small integer type): cast
      directly, without the text round trip and its regular expression (I17/I18 cannot fail);
    'decimal': a Parquet DECIMAL with more decimals (p - s <= 16): read when the value is whole
      cents (123.450), else null for rule I18 to name (123.455);
    'text': anything else (CSV files, the example seeds, floating point, wider types): the text
      path. -#}
{% macro ledger_amount_typing(entity, column) -%}
    {%- set read = ledger_file(entity) -%}
    {%- if read is none or read.status != 'in_place' -%}
        {{- return('text') -}}
    {%- endif -%}
    {%- set type = read.column_types.get(column, '') | upper -%}
    {%- set decimal = modules.re.match('^DECIMAL\((\d+),\s*(\d+)\)$', type) -%}
    {%- if decimal -%}
        {%- set precision, scale = decimal.group(1) | int, decimal.group(2) | int -%}
        {%- if precision - scale > 16 -%}
            {{- return('text') -}}
        {%- endif -%}
        {{- return('cents' if scale <= 2 else 'decimal') -}}
    {%- endif -%}
    {%- set small_integers = ['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT', 'UINTEGER'] -%}
    {{- return('cents' if type in small_integers else 'text') -}}
{%- endmacro %}
