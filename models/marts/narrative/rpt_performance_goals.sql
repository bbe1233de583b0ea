-- The performance self-evaluation's goals and scores (第五部分, 附件2 and 附件3-n). Grain: one row
-- per department, fiscal year and scope (the department, or one project).
with

goals as (
    select * from {{ ref('stg_narrative__performance_goals') }}
),

final as (
    select
        department_code,
        fiscal_year,
        scope_code,
        scope_name,
        goal_text,
        outcome_text,
        usage_text,
        execution_weight,
        execution_score,
        total_score,
        grade,
        prepared_by,
        prepared_on,
        contact_phone
    from goals
)

select * from final
