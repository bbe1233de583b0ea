with

source as (
    select * from {{ ref('layout_t04') }}
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
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'valid_from_year', 'valid_to_year', 'line_no', 'line_key', 'block', 'row_label',
        'row_code', 'flows', 'fund_filter', 'income_type_code', 'spending_group'
    ]) }}
)

select * from final
