with

source as (
    select * from {{ ref('layout_t06') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(row_order as integer) as row_order,
        cast(line_key as {{ text_type() }}) as line_key,
        cast(block as {{ text_type() }}) as block,
        cast(column_group as integer) as column_group,
        cast(row_code as {{ text_type() }}) as row_code,
        cast(row_label as {{ text_type() }}) as row_label,
        cast(row_kind as {{ text_type() }}) as row_kind
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'valid_from_year', 'valid_to_year', 'row_order', 'line_key', 'block', 'column_group',
        'row_code', 'row_label', 'row_kind'
    ]) }}
)

select * from final
