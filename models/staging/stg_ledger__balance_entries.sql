with

source as (
    select * from {{ ledger_relation('balance_entries') }}
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
        cast(balance_type_code as {{ text_type() }}) as balance_type_code,
        {{ normalised_code('function_code') }} as function_code,
        cast(function_code as {{ text_type() }}) as function_code_as_given,
        {{ normalised_code('fund_source_code') }} as fund_source_code,
        {{ amount_from_text('amount_yuan', 'balance_entries') }} as amount_yuan,
        cast(amount_yuan as {{ text_type() }}) as amount_yuan_as_given
    from source
)

select * from renamed
