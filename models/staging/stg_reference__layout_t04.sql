with

source as (
    select * from {{ ref('layout_t04') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(line_no as integer) as line_no,
        cast(line_key as {{ text_type() }}) as line_key,
        cast(block as {{ text_type() }}) as block,
        cast(row_label as {{ text_type() }}) as row_label,
        cast(row_code as {{ text_type() }}) as row_code,
        cast(flows as {{ text_type() }}) as flows,
        cast(fund_filter as {{ text_type() }}) as fund_filter,
        cast(income_type_code as {{ text_type() }}) as income_type_code,
        cast(spending_group as {{ text_type() }}) as spending_group
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'valid_from_year', 'valid_to_year', 'line_no', 'line_key', 'block', 'row_label',
        'row_code', 'flows', 'fund_filter', 'income_type_code', 'spending_group'
    ]) }}
)

select * from final
