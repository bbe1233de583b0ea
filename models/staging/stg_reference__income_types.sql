with

source as (
    select * from {{ ref('ref_income_types') }}
),

renamed as (
    select
        cast(income_type_code as {{ text_type() }}) as income_type_code,
        cast(income_type_name as {{ text_type() }}) as income_type_name,
        cast(requires_appropriation as boolean) as requires_appropriation,
        cast(sort_order as integer) as sort_order
    from source
)

select * from renamed
