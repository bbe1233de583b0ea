with

source as (
    select * from {{ ref('ref_budget_accounts') }}
),

renamed as (
    select
        cast(account_code as {{ text_type() }}) as account_code,
        cast(account_name as {{ text_type() }}) as account_name,
        cast(account_category as {{ text_type() }}) as account_category,
        cast(account_category_name as {{ text_type() }}) as account_category_name,
        cast(sort_order as integer) as sort_order
    from source
)

select * from renamed
