-- The department's explanation of a figure ("主要原因是…"). Grain: one row per department, fiscal
-- year, topic and member (the 项 code or 三公 category; '' for the whole topic).
with

reasons as (
    select * from {{ ref('stg_narrative__reasons') }}
),

final as (
    select
        department_code,
        fiscal_year,
        topic,
        coalesce(member_code, '') as member_code,
        reason_text
    from reasons
)

select * from final
