with

source as (
    select * from {{ ledger_relation('departments') }}
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        {{ normalised_code('department_code') }} as department_code,
        cast(department_name as varchar) as department_name
    from source
)

select * from renamed
