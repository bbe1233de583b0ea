-- Grain: one row per budget line of the ledger, whichever door it came in by (DECISIONLOG §22):
-- the contract file (stg_ledger__budget_lines) or the books (int_vouchers__budget_lines); every model
-- downstream reads the ledger's budget lines here. Through the voucher door the contract model is
-- disabled and not read; through the contract door the books' model has no row.
{{ config(materialized='view') }}
{#- The columns both doors give, in one order. -#}
{%- set columns = [
    'source_file', 'source_sheet', 'source_row', 'budget_line_id', 'unit_code', 'fiscal_year', 'function_code',
    'function_code_as_given', 'economic_code', 'economic_code_as_given', 'fund_source_code',
    'spending_type_code', 'project_code', 'initial_budget_yuan', 'initial_budget_yuan_as_given',
    'final_budget_yuan', 'final_budget_yuan_as_given'
] %}

with

from_contract as (
    select {{ columns | join(', ') }}
    from {{ contract_lines('budget_lines') }}
),

from_books as (
    select {{ columns | join(', ') }}
    from {{ ref('int_vouchers__budget_lines') }}
),

unioned as (
    select * from from_contract
    union all
    select * from from_books
)

select * from unioned
