with

source as (
    select * from {{ ref('ref_function_subjects') }}
),

renamed as (
    select
        cast(fiscal_year as integer) as fiscal_year,
        cast(code as {{ text_type() }}) as function_code,
        cast(name as {{ text_type() }}) as function_name,
        cast(level as integer) as function_level,
        cast(parent_code as {{ text_type() }}) as parent_function_code
    from source
)

select * from renamed
