with

source as (
    select * from {{ ref('ref_disclosure_tables') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(table_no as {{ text_type() }}) as table_no,
        cast(print_order as integer) as print_order,
        cast(table_label as {{ text_type() }}) as table_label,
        cast(table_title as {{ text_type() }}) as table_title,
        cast(table_note as {{ text_type() }}) as table_note,
        cast(empty_statement as {{ text_type() }}) as empty_statement,
        cast(total_position as {{ text_type() }}) as total_position,
        cast(print_variant as {{ text_type() }}) as print_variant
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'table_no', 'print_order', 'table_label', 'table_title', 'table_note', 'empty_statement',
        'total_position', 'print_variant'
    ]) }}
)

select * from final
