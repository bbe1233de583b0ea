with

source as (
    select * from {{ ledger_relation('projects') }}
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        {{ normalised_code('project_code') }} as project_code,
        {{ normalised_code('unit_code') }} as unit_code,
        {{ year_from_text('fiscal_year') }} as fiscal_year,
        cast(fiscal_year as {{ text_type() }}) as fiscal_year_as_given,
        cast(project_name as {{ text_type() }}) as project_name
    from source
)

select * from renamed
