with

source as (
    select * from {{ ref('narrative_paragraphs') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(section_key as {{ text_type() }}) as part_key,
        cast(paragraph_no as integer) as paragraph_no,
        cast(paragraph_text as {{ text_type() }}) as paragraph_text
    from source
)

select * from renamed
