with

source as (
    select * from {{ ledger_relation('departments') }}
),

renamed as (
    select
        {{ ledger_file_label('departments') }} as source_file,
        {{ normalised_code('department_code') }} as department_code,
        cast(department_name as varchar) as department_name
    from source
)

select * from renamed
