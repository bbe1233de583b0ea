with

source as (
    select * from {{ ref('narrative_performance_goals') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(scope_code as {{ text_type() }}) as scope_code,
        cast(scope_name as {{ text_type() }}) as scope_name,
        cast(goal_text as {{ text_type() }}) as goal_text,
        cast(outcome_text as {{ text_type() }}) as outcome_text,
        cast(usage_text as {{ text_type() }}) as usage_text,
        cast(execution_weight as decimal(6, 2)) as execution_weight,
        cast(execution_score as decimal(6, 2)) as execution_score,
        cast(total_score as decimal(6, 2)) as total_score,
        cast(grade as {{ text_type() }}) as grade,
        cast(prepared_by as {{ text_type() }}) as prepared_by,
        cast(prepared_on as date) as prepared_on,
        cast(contact_phone as {{ text_type() }}) as contact_phone
    from source
)

select * from renamed
