with

source as (
    select * from {{ ref('ref_balance_types') }}
),

renamed as (
    select
        cast(balance_type_code as {{ text_type() }}) as balance_type_code,
        cast(balance_type_name as {{ text_type() }}) as balance_type_name,
        cast(non_appropriation_only as boolean) as non_appropriation_only
    from source
)

select * from renamed
