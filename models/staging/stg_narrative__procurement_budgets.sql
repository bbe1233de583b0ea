with

source as (
    select * from {{ ref('narrative_procurement_budgets') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(budget_yuan as decimal(18, 2)) as budget_yuan
    from source
)

select * from renamed
