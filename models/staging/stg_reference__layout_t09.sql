with

source as (
    select * from {{ ref('layout_t09') }}
),

renamed as (
    select
        cast(profile_code as varchar) as profile_code,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(block as varchar) as block,
        cast(line_key as varchar) as line_key,
        cast(row_label as varchar) as row_label,
        cast(flows as varchar) as flows,
        cast(column_order as integer) as column_order,
        cast(column_key as varchar) as column_key,
        cast(column_group as varchar) as column_group,
        cast(column_label as varchar) as column_label,
        cast(sangong_category_code as varchar) as sangong_category_code
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'valid_from_year', 'valid_to_year', 'block', 'line_key', 'row_label', 'flows',
        'column_order', 'column_key', 'column_group', 'column_label', 'sangong_category_code'
    ]) }}
)

select * from final
