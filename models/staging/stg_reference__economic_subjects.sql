with

source as (
    select * from {{ ref('ref_economic_subjects') }}
),

renamed as (
    select
        cast(fiscal_year as integer) as fiscal_year,
        cast(code as varchar) as economic_code,
        cast(name as varchar) as economic_name,
        cast(level as integer) as economic_level,
        cast(parent_code as varchar) as parent_economic_code
    from source
)

select * from renamed
