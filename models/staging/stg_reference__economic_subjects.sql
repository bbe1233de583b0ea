with

source as (
    select * from {{ ref('ref_economic_subjects') }}
),

renamed as (
    select
        cast(fiscal_year as integer) as fiscal_year,
        cast(code as {{ text_type() }}) as economic_code,
        cast(name as {{ text_type() }}) as economic_name,
        cast(level as integer) as economic_level,
        cast(parent_code as {{ text_type() }}) as parent_economic_code
    from source
)

select * from renamed
