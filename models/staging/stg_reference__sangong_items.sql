with

source as (
    select * from {{ ref('ref_sangong_items') }}
),

renamed as (
    select
        cast(economic_code as varchar) as economic_code,
        cast(sangong_item_code as varchar) as sangong_item_code,
        cast(sangong_item_name as varchar) as sangong_item_name
    from source
)

select * from renamed
