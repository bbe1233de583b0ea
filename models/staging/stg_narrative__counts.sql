with

source as (
    select * from {{ ref('narrative_counts') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(count_key as {{ text_type() }}) as count_key,
        cast(count_value as integer) as count_value
    from source
)

select * from renamed
