with

source as (
    select * from {{ ledger_relation('balance_entries') }}
),

renamed as (
    select
        cast(entry_id as varchar) as entry_id,
        cast(unit_code as varchar) as unit_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(balance_type_code as varchar) as balance_type_code,
        cast(function_code as varchar) as function_code,
        cast(fund_source_code as varchar) as fund_source_code,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan
    from source
)

select * from renamed
