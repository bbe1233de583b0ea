with

source as (
    select * from {{ ledger_relation('expenditure_entries') }}
),

renamed as (
    select
        cast(entry_id as varchar) as entry_id,
        cast(unit_code as varchar) as unit_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(posting_date as date) as posting_date,
        cast(voucher_no as varchar) as voucher_no,
        cast(function_code as varchar) as function_code,
        cast(economic_code as varchar) as economic_code,
        cast(fund_source_code as varchar) as fund_source_code,
        cast(spending_type_code as varchar) as spending_type_code,
        cast(project_code as varchar) as project_code,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        cast(summary as varchar) as summary
    from source
)

select * from renamed
