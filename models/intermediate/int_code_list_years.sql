-- Grain: one row per fiscal year that has a 支出功能分类 code list, i.e. the years the warehouse
-- can classify. A ledger row of any other year is refused by name (is_known_year, rule I04).
with

function_subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

final as (
    select distinct fiscal_year
    from function_subjects
)

select * from final
