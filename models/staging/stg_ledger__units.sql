with

source as (
    select * from {{ ledger_relation('units') }}
),

renamed as (
    select
        {{ ledger_file_label('units') }} as source_file,
        {{ normalised_code('unit_code') }} as unit_code,
        cast(unit_name as varchar) as unit_name,
        {{ normalised_code('department_code') }} as department_code,
        cast(unit_type_code as varchar) as unit_type_code,
        cast(is_department_body as boolean) as is_department_body
    from source
)

select * from renamed
