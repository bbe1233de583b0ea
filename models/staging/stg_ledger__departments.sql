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
        cast(department_name as {{ text_type() }}) as department_name,
        -- profile_code is optional in the departments file (DECISIONLOG §21): a file without the
        -- column lands it empty, and empty is the default profile.
        coalesce(
            nullif(trim(cast(profile_code as {{ text_type() }})), ''), {{ default_profile_code() }}
        ) as profile_code
    from source
)

select * from renamed
