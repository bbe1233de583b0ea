{#- The contract's lines file of `entity` for the union models (int_ledger__*): its staging model
    through the contract door; through the voucher door that model is disabled, and an empty
    relation of the books' model (same columns, same types) stands in for it. -#}
{% macro contract_lines(entity) -%}
    {%- if ledger_door() == 'contract' -%}
        {{ ref('stg_ledger__' ~ entity) }}
    {%- else -%}
        (select * from {{ ref('int_vouchers__' ~ entity) }} where 1 = 0)
    {%- endif -%}
{%- endmacro %}
