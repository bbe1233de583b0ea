with

source as (
    select * from {{ ledger_relation('projects') }}
),

renamed as (
    select
        {{ ledger_file_label('projects') }} as source_file,
        {{ normalised_code('project_code') }} as project_code,
        {{ normalised_code('unit_code') }} as unit_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(project_name as varchar) as project_name
    from source
)

select * from renamed
