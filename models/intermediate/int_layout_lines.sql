-- Grain: one row per profile, table (01, 04), layout version and line: the fixed rows of the
-- two summary tables, stacked so that one model computes both.
with

t01 as (
    select
        '01' as table_no,
        *
    from {{ ref('stg_reference__layout_t01') }}
),

t04 as (
    select
        '04' as table_no,
        *
    from {{ ref('stg_reference__layout_t04') }}
),

final as (
    select * from t01
    union all
    select * from t04
)

select * from final
