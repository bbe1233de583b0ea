with

source as (
    select * from {{ ledger_relation('expenditure_entries') }}
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        cast(entry_id as {{ text_type() }}) as entry_id,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ year_from_text('fiscal_year') }} as fiscal_year,
        cast(fiscal_year as {{ text_type() }}) as fiscal_year_as_given,
        {{ date_from_text('posting_date') }} as posting_date,
        cast(posting_date as {{ text_type() }}) as posting_date_as_given,
        cast(voucher_no as {{ text_type() }}) as voucher_no,
        {{ normalised_code('function_code') }} as function_code,
        cast(function_code as {{ text_type() }}) as function_code_as_given,
        {{ normalised_code('economic_code') }} as economic_code,
        cast(economic_code as {{ text_type() }}) as economic_code_as_given,
        {{ normalised_code('fund_source_code') }} as fund_source_code,
        cast(spending_type_code as {{ text_type() }}) as spending_type_code,
        {{ normalised_code('project_code') }} as project_code,
        {{ amount_from_text('amount_yuan', 'expenditure_entries') }} as amount_yuan,
        cast(amount_yuan as {{ text_type() }}) as amount_yuan_as_given,
        cast(summary as {{ text_type() }}) as summary
    from source
)

select * from renamed
