with

source as (
    select * from {{ ref('ref_disclosure_profiles') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(profile_name as {{ text_type() }}) as profile_name,
        cast(layout_profile_code as {{ text_type() }}) as layout_profile_code,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(prints_line_no as boolean) as prints_line_no,
        cast(zero_display as {{ text_type() }}) as zero_display,
        cast(code_style as {{ text_type() }}) as code_style,
        cast(inherits_from as {{ text_type() }}) as inherits_from
    from source
)

select * from renamed
