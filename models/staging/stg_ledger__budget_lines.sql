with

source as (
    select * from {{ ledger_relation('budget_lines') }}
),

renamed as (
    select
        cast(budget_line_id as varchar) as budget_line_id,
        cast(unit_code as varchar) as unit_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(function_code as varchar) as function_code,
        cast(economic_code as varchar) as economic_code,
        cast(fund_source_code as varchar) as fund_source_code,
        cast(spending_type_code as varchar) as spending_type_code,
        cast(project_code as varchar) as project_code,
        cast(initial_budget_yuan as decimal(18, 2)) as initial_budget_yuan,
        cast(final_budget_yuan as decimal(18, 2)) as final_budget_yuan
    from source
)

select * from renamed
