with

source as (
    select * from {{ ref('narrative_reasons') }}
),

renamed as (
    select
        cast(department_code as varchar) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(topic as varchar) as topic,
        cast(item_code as varchar) as member_code,
        cast(reason_text as varchar) as reason_text
    from source
)

select * from renamed
