with

source as (
    select * from {{ ledger_relation('departments') }}
),

-- profile_code is optional in the departments file (DECISIONLOG §20): read by name when given.
given_profiles as (
    {{ ledger_optional_columns('departments', 'department_code', ['profile_code']) }}
),

renamed as (
    select
        {{ ledger_file_label('departments') }} as source_file,
        {{ normalised_code('source.department_code') }} as department_code,
        cast(source.department_name as varchar) as department_name,
        coalesce(nullif(trim(given_profiles.profile_code), ''), {{ default_profile_code() }}) as profile_code
    from source
    left join given_profiles
        on cast(source.department_code as varchar) = given_profiles.department_code
)

select * from renamed
