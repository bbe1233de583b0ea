with

source as (
    select * from {{ ledger_relation('budget_targets') }}
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        trim(cast(target_id as {{ text_type() }})) as target_id,
        {{ year_from_text('fiscal_year') }} as fiscal_year,
        cast(fiscal_year as {{ text_type() }}) as fiscal_year_as_given,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ normalised_code('function_code') }} as function_code,
        {{ normalised_code('economic_code') }} as economic_code,
        {{ normalised_code('fund_source') }} as fund_source_as_given,
        nullif(trim(cast(spending_type as {{ text_type() }})), '') as spending_type_as_given,
        {{ normalised_code('project_code') }} as project_code,
        {{ amount_from_text('initial_budget_yuan', 'budget_targets') }} as initial_budget_yuan,
        cast(initial_budget_yuan as {{ text_type() }}) as initial_budget_yuan_as_given,
        {{ amount_from_text('final_budget_yuan', 'budget_targets') }} as final_budget_yuan,
        cast(final_budget_yuan as {{ text_type() }}) as final_budget_yuan_as_given
    from source
)

select * from renamed
