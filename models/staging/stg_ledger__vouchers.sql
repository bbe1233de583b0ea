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

-- Each value read once; its text as given is kept (below) only where it could not be read, which is
-- all rules I17/I18/I19/I33/I34 look at: at 10M lines the copies of readable text were most of
-- what this table wrote (BENCHMARKS.md, the voucher door).
values_read as (
    select
        *,
        {{ year_from_text('fiscal_year') }} as fiscal_year_read,
        {{ date_from_text('posting_date') }} as posting_date_read,
        {{ amount_from_text('debit_yuan', 'vouchers') }} as debit_yuan_read,
        {{ amount_from_text('credit_yuan', 'vouchers') }} as credit_yuan_read
    from with_aux_texts
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
        fiscal_year_read as fiscal_year,
        case when fiscal_year_read is null then cast(fiscal_year as {{ text_type() }}) end
            as fiscal_year_as_given,
        {{ normalised_code('unit_code') }} as unit_code,
        posting_date_read as posting_date,
        case when posting_date_read is null then cast(posting_date as {{ text_type() }}) end
            as posting_date_as_given,
        trim(cast(voucher_no as {{ text_type() }})) as voucher_no,
        trim(cast(line_no as {{ text_type() }})) as line_no,
        cast(summary as {{ text_type() }}) as summary,
        account_code_read as account_code,
        case when account_code_read is null then cast(account_code as {{ text_type() }}) end
            as account_code_as_given,
        is_counted_line_read as is_counted_line,
        cast(account_name as {{ text_type() }}) as account_name,
        debit_yuan_read as debit_yuan,
        case when debit_yuan_read is null then cast(debit_yuan as {{ text_type() }}) end
            as debit_yuan_as_given,
        credit_yuan_read as credit_yuan,
        case when credit_yuan_read is null then cast(credit_yuan as {{ text_type() }}) end
            as credit_yuan_as_given,
        {{ aux_item('function_code', 'function', only_where=classified) }} as function_code,
        {{ aux_item('economic_code', 'economic', only_where=classified) }} as economic_code,
        {{ aux_item('gov_economic_code', 'gov_economic', only_where=classified) }} as gov_economic_code,
        {{ aux_item('fund_source', 'fund_source', only_where=classified) }} as fund_source_as_given,
        {{ aux_item('project_code', 'project', only_where=classified) }} as project_code,
        {#- The combined 辅助核算 text, for the findings on a classified line (I51-I57); a counted-only
            line's is never read. #}
        case when {{ classified }} then cast(aux_text as {{ text_type() }}) end as aux_text
    from values_read
)

select * from renamed
