with

source as (
    select * from {{ ref('layout_columns') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(table_no as {{ text_type() }}) as table_no,
        cast(block as {{ text_type() }}) as block,
        cast(column_order as integer) as column_order,
        cast(column_key as {{ text_type() }}) as column_key,
        cast(column_group as {{ text_type() }}) as column_group,
        cast(column_label as {{ text_type() }}) as column_label,
        cast(flows as {{ text_type() }}) as flows,
        cast(fund_filter as {{ text_type() }}) as fund_filter,
        cast(income_type_code as {{ text_type() }}) as income_type_code,
        cast(spending_group as {{ text_type() }}) as spending_group
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'table_no', 'block', 'column_order', 'column_key', 'column_group', 'column_label', 'flows',
        'fund_filter', 'income_type_code', 'spending_group'
    ]) }}
)

select * from final
