with

source as (
    select * from {{ ref('ref_budget_account_overlays') }}
),

renamed as (
    select
        cast(department_code as varchar) as department_code,
        cast(account_code as varchar) as account_code,
        cast(account_name as varchar) as account_name,
        nullif(cast(voucher_flow as varchar), '') as voucher_flow,
        nullif(cast(opening_flow as varchar), '') as opening_flow,
        nullif(cast(income_type_code as varchar), '') as income_type_code,
        nullif(cast(spending_group as varchar), '') as spending_group,
        nullif(cast(spending_type_code as varchar), '') as spending_type_code,
        nullif(cast(fund_class as varchar), '') as fund_class,
        nullif(cast(fund_source_code as varchar), '') as fund_source_code,
        cast(basis as varchar) as basis
    from source
)

select * from renamed
