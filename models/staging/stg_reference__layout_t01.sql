with

source as (
    select * from {{ ref('layout_t01') }}
),

renamed as (
    select
        cast(profile_code as varchar) as profile_code,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(line_no as integer) as line_no,
        cast(line_key as varchar) as line_key,
        cast(block as varchar) as block,
        cast(row_label as varchar) as row_label,
        cast(row_code as varchar) as row_code,
        cast(flows as varchar) as flows,
        cast(fund_filter as varchar) as fund_filter,
        cast(income_type_code as varchar) as income_type_code,
        cast(spending_group as varchar) as spending_group
    from source
)

select * from renamed
