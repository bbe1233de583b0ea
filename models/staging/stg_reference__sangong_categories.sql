with

source as (
    select * from {{ ref('ref_sangong_categories') }}
),

renamed as (
    select
        cast(economic_code as varchar) as economic_code,
        cast(sangong_category_code as varchar) as sangong_category_code,
        cast(sangong_category_name as varchar) as sangong_category_name
    from source
)

select * from renamed
