with

source as (
    select * from {{ ref('ref_budget_accounts') }}
),

renamed as (
    select
        cast(account_code as varchar) as account_code,
        cast(account_name as varchar) as account_name,
        cast(account_category as varchar) as account_category,
        cast(account_category_name as varchar) as account_category_name,
        cast(sort_order as integer) as sort_order
    from source
)

select * from renamed
