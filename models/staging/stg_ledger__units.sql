with

source as (
    select * from {{ ledger_relation('units') }}
),

renamed as (
    select
        source_file,
        source_sheet,
        source_row,
        {{ normalised_code('unit_code') }} as unit_code,
        cast(unit_name as {{ text_type() }}) as unit_name,
        {{ normalised_code('department_code') }} as department_code,
        cast(unit_type_code as {{ text_type() }}) as unit_type_code,
        {{ boolean_from_text('is_department_body') }} as is_department_body,
        cast(is_department_body as {{ text_type() }}) as is_department_body_as_given
    from source
)

select * from renamed
