with

source as (
    select * from {{ ref('narrative_performance_indicators') }}
),

renamed as (
    select
        cast(department_code as varchar) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(scope_code as varchar) as scope_code,
        cast(indicator_no as integer) as indicator_no,
        cast(level1_name as varchar) as level1_name,
        cast(level2_name as varchar) as level2_name,
        cast(level3_name as varchar) as level3_name,
        cast(target_value as varchar) as target_value,
        cast(actual_value as varchar) as actual_value,
        cast(weight as decimal(6, 2)) as weight,
        cast(score as decimal(6, 2)) as score,
        cast(deviation_reason as varchar) as deviation_reason
    from source
)

select * from renamed
