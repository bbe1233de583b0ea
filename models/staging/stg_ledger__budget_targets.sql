with

source as (
    select * from {{ book_relation('budget_targets') }}
),

renamed as (
    select
        {{ book_file_label('budget_targets') }} as source_file,
        trim(cast(target_id as varchar)) as target_id,
        cast(fiscal_year as integer) as fiscal_year,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ normalised_code('function_code') }} as function_code,
        {{ normalised_code('economic_code') }} as economic_code,
        {{ normalised_code('fund_source') }} as fund_source_as_given,
        nullif(trim(cast(spending_type as varchar)), '') as spending_type_as_given,
        {{ normalised_code('project_code') }} as project_code,
        {{ book_amount('initial_budget_yuan', 'budget_targets') }} as initial_budget_yuan,
        cast(initial_budget_yuan as varchar) as initial_budget_yuan_as_given,
        {{ book_amount('final_budget_yuan', 'budget_targets') }} as final_budget_yuan,
        cast(final_budget_yuan as varchar) as final_budget_yuan_as_given
    from source
)

select * from renamed
