with

source as (
    select * from {{ ref('narrative_reasons') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(topic as {{ text_type() }}) as topic,
        cast(item_code as {{ text_type() }}) as member_code,
        cast(reason_text as {{ text_type() }}) as reason_text
    from source
)

select * from renamed
