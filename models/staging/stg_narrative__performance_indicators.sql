with

source as (
    select * from {{ ref('narrative_performance_indicators') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(scope_code as {{ text_type() }}) as scope_code,
        cast(indicator_no as integer) as indicator_no,
        cast(level1_name as {{ text_type() }}) as level1_name,
        cast(level2_name as {{ text_type() }}) as level2_name,
        cast(level3_name as {{ text_type() }}) as level3_name,
        cast(target_value as {{ text_type() }}) as target_value,
        cast(actual_value as {{ text_type() }}) as actual_value,
        cast(weight as decimal(6, 2)) as weight,
        cast(score as decimal(6, 2)) as score,
        cast(deviation_reason as {{ text_type() }}) as deviation_reason
    from source
)

select * from renamed
