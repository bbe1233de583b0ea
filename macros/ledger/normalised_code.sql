{#- Ledger codes arrive as text and are read here, once, for every ledger file: surrounding spaces
    and full-width digits (０-９) are normalised, never rejected (rule I25 reports each normalised
    value as a warning). -#}
{#- Ledger fields arrive as text and are read here, once, for every ledger file.

    normalised_code: codes are text; surrounding spaces and full-width digits (０-９) are
    normalised, never rejected (rule I25 reports each normalised value as a warning).
    amount_from_text: an amount in 元 with at most two decimals; anything else becomes null and
    rules I17/I18 name the row (a decimal cast would silently round 1.234 to 1.23), unless the
    file's own column type already guarantees it (ledger_amount_typing). -#}
{#- translate() is the costly part (at 10M lines it was most of staging: 15 s of 18 s), and an
    ASCII-only value (as many bytes as characters) has no full-width digit to translate. -#}
{% macro normalised_code(column) -%}
    {%- set text = 'cast(' ~ column ~ (' as ' ~ text_type() ~ ')') -%}
    case
        when {{ byte_length(text) }} = length({{ text }}) then nullif(trim({{ text }}), '')
        else nullif(translate(trim({{ text }}), '０１２３４５６７８９', '0123456789'), '')
    end
{%- endmacro %}
