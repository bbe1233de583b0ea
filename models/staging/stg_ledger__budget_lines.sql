with

source as (
    select * from {{ ledger_relation('budget_lines') }}
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        cast(budget_line_id as {{ text_type() }}) as budget_line_id,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ year_from_text('fiscal_year') }} as fiscal_year,
        cast(fiscal_year as {{ text_type() }}) as fiscal_year_as_given,
        {{ normalised_code('function_code') }} as function_code,
        cast(function_code as {{ text_type() }}) as function_code_as_given,
        {{ normalised_code('economic_code') }} as economic_code,
        cast(economic_code as {{ text_type() }}) as economic_code_as_given,
        {{ normalised_code('fund_source_code') }} as fund_source_code,
        cast(spending_type_code as {{ text_type() }}) as spending_type_code,
        {{ normalised_code('project_code') }} as project_code,
        {{ amount_from_text('initial_budget_yuan', 'budget_lines') }} as initial_budget_yuan,
        cast(initial_budget_yuan as {{ text_type() }}) as initial_budget_yuan_as_given,
        {{ amount_from_text('final_budget_yuan', 'budget_lines') }} as final_budget_yuan,
        cast(final_budget_yuan as {{ text_type() }}) as final_budget_yuan_as_given
    from source
)

select * from renamed
