-- Grain: one row per spending line of the ledger, whichever door it came in by (DECISIONLOG §22):
-- the contract file (stg_ledger__expenditure_entries) or the books
-- (int_vouchers__expenditure_entries); every model downstream reads the ledger's spending lines
-- here. Through the voucher door the contract model is disabled and not read; through the
-- contract door the books' model has no row.
{{ config(materialized='view') }}
{#- The columns both doors give, in one order. -#}
{%- set columns = [
    'source_file', 'source_sheet', 'source_row', 'entry_id', 'unit_code', 'fiscal_year', 'posting_date', 'voucher_no',
    'function_code', 'function_code_as_given', 'economic_code', 'economic_code_as_given',
    'fund_source_code', 'spending_type_code', 'project_code', 'amount_yuan',
    'amount_yuan_as_given', 'summary'
] %}

with

from_contract as (
    select {{ columns | join(', ') }}
    from {{ contract_lines('expenditure_entries') }}
),

from_books as (
    select {{ columns | join(', ') }}
    from {{ ref('int_vouchers__expenditure_entries') }}
),

unioned as (
    select * from from_contract
    union all
    select * from from_books
)

select * from unioned
