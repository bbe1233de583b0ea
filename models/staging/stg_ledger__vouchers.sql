{{ voucher_door_guard() }}
{#- A table, unlike the contract's staging views (dbt_project.yml): a dozen input rules and four
    models read every voucher line, and through a view each of them parsed the export again (its
    dates, years, amounts, codes, entry names): at 10M lines one rule took 14-78 s on the shared
    machine. Stored, every line is parsed once (BENCHMARKS.md, the voucher door). -#}
{{ config(materialized='table') }}
{%- set classified = 'not is_counted_line_read' %}
with

source as (
    select * from {{ ledger_relation('vouchers') }}
),

with_account as (
    select
        *,
        {{ normalised_code('account_code') }} as account_code_read
    from source
),

with_kind as (
    select
        *,
        {{ is_counted_line('account_code_read') }} as is_counted_line_read
    from with_account
),

-- Each item of the combined 辅助核算 text matched once a line (macros/vouchers/aux_item.sql), and
-- only on the lines that are classified: a counted-only line's (1xxx-5xxx, 8001) is not read.
with_aux_texts as (
    select
        *,
        {{ aux_texts(
            'aux_text',
            ['function', 'economic', 'gov_economic', 'fund_source', 'project'],
            only_where='not is_counted_line_read'
        ) }}
    from with_kind
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        {#- A voucher line's name in findings: unit/year/voucher/line, as the finance system numbers it. #}
        coalesce({{ normalised_code('unit_code') }}, '')
        || '/' || coalesce(trim(cast(fiscal_year as {{ text_type() }})), '')
        || '/' || coalesce(trim(cast(voucher_no as {{ text_type() }})), '')
        || '/' || coalesce(trim(cast(line_no as {{ text_type() }})), '') as entry_id,
        {{ year_from_text('fiscal_year') }} as fiscal_year,
        cast(fiscal_year as {{ text_type() }}) as fiscal_year_as_given,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ date_from_text('posting_date') }} as posting_date,
        cast(posting_date as {{ text_type() }}) as posting_date_as_given,
        trim(cast(voucher_no as {{ text_type() }})) as voucher_no,
        trim(cast(line_no as {{ text_type() }})) as line_no,
        cast(summary as {{ text_type() }}) as summary,
        account_code_read as account_code,
        cast(account_code as {{ text_type() }}) as account_code_as_given,
        is_counted_line_read as is_counted_line,
        cast(account_name as {{ text_type() }}) as account_name,
        {{ amount_from_text('debit_yuan', 'vouchers') }} as debit_yuan,
        cast(debit_yuan as {{ text_type() }}) as debit_yuan_as_given,
        {{ amount_from_text('credit_yuan', 'vouchers') }} as credit_yuan,
        cast(credit_yuan as {{ text_type() }}) as credit_yuan_as_given,
        {{ aux_item('function_code', 'function', only_where=classified) }} as function_code,
        {{ aux_item('economic_code', 'economic', only_where=classified) }} as economic_code,
        {{ aux_item('gov_economic_code', 'gov_economic', only_where=classified) }} as gov_economic_code,
        {{ aux_item('fund_source', 'fund_source', only_where=classified) }} as fund_source_as_given,
        {{ aux_item('project_code', 'project', only_where=classified) }} as project_code,
        cast(aux_text as {{ text_type() }}) as aux_text
    from with_aux_texts
)

select * from renamed
