-- The department's own paragraphs, as the document prints them. Grain: one row per department,
-- fiscal year, narrative part and paragraph.
with

paragraphs as (
    select * from {{ ref('stg_narrative__paragraphs') }}
),

final as (
    select
        department_code,
        fiscal_year,
        part_key,
        paragraph_no,
        paragraph_text
    from paragraphs
)

select * from final
