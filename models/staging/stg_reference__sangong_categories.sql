with

source as (
    select * from {{ ref('ref_sangong_categories') }}
),

renamed as (
    select
        cast(economic_code as {{ text_type() }}) as economic_code,
        cast(sangong_category_code as {{ text_type() }}) as sangong_category_code,
        cast(sangong_category_name as {{ text_type() }}) as sangong_category_name
    from source
)

select * from renamed
