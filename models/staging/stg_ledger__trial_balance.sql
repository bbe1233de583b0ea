with

source as (
    select * from {{ ledger_relation('trial_balance') }}
),

-- Each item of the combined 辅助核算 text matched once a line (macros/vouchers/aux_item.sql).
with_aux_texts as (
    select
        *,
        {{ aux_texts('aux_text', ['function', 'fund_source', 'project']) }}
    from source
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        {{ year_from_text('fiscal_year') }} as fiscal_year,
        cast(fiscal_year as {{ text_type() }}) as fiscal_year_as_given,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ normalised_code('account_code') }} as account_code,
        cast(account_name as {{ text_type() }}) as account_name,
        {{ aux_item('function_code', 'function') }} as function_code,
        {{ aux_item('fund_source', 'fund_source') }} as fund_source_as_given,
        {{ aux_item('project_code', 'project') }} as project_code,
        cast(aux_text as {{ text_type() }}) as aux_text,
        {{ amount_from_text('opening_debit_yuan', 'trial_balance') }} as opening_debit_yuan,
        cast(opening_debit_yuan as {{ text_type() }}) as opening_debit_yuan_as_given,
        {{ amount_from_text('opening_credit_yuan', 'trial_balance') }} as opening_credit_yuan,
        cast(opening_credit_yuan as {{ text_type() }}) as opening_credit_yuan_as_given
    from with_aux_texts
)

select * from renamed
