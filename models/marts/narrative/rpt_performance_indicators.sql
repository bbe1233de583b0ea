-- The performance self-evaluation's indicators. Grain: one row per department, fiscal year, scope
-- and indicator.
with

indicators as (
    select * from {{ ref('stg_narrative__performance_indicators') }}
),

final as (
    select
        department_code,
        fiscal_year,
        scope_code,
        indicator_no,
        level1_name,
        level2_name,
        level3_name,
        target_value,
        actual_value,
        weight,
        score,
        deviation_reason
    from indicators
)

select * from final
