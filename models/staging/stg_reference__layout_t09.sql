with

source as (
    select * from {{ ref('layout_t09') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(block as {{ text_type() }}) as block,
        cast(line_key as {{ text_type() }}) as line_key,
        cast(row_label as {{ text_type() }}) as row_label,
        cast(flows as {{ text_type() }}) as flows,
        cast(column_order as integer) as column_order,
        cast(column_key as {{ text_type() }}) as column_key,
        cast(column_group as {{ text_type() }}) as column_group,
        cast(column_label as {{ text_type() }}) as column_label,
        cast(sangong_category_code as {{ text_type() }}) as sangong_category_code
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
