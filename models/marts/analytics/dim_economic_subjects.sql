-- Grain: one row per fiscal year and 经济分类 code (类 and 款), with its 类 flattened into
-- columns and, for a 三公 款, its 三公 category.
with

subjects as (
    select * from {{ ref('stg_reference__economic_subjects') }}
),

sangong_categories as (
    select * from {{ ref('stg_reference__sangong_categories') }}
),

final as (
    select
        cast(
            cast(subjects.fiscal_year as {{ text_type() }}) || '-' || subjects.economic_code
            as {{ text_type() }}
        ) as economic_subject_key,
        cast(subjects.fiscal_year as integer) as fiscal_year,
        cast(subjects.economic_code as {{ text_type() }}) as economic_code,
        cast(subjects.economic_name as {{ text_type() }}) as economic_name,
        cast(subjects.economic_level as integer) as economic_level,
        cast(
            case subjects.economic_level when 1 then '类' else '款' end as {{ text_type() }}
        ) as economic_level_name,
        cast(subjects.parent_economic_code as {{ text_type() }}) as parent_economic_code,
        cast(classes.economic_code as {{ text_type() }}) as class_code,
        cast(classes.economic_name as {{ text_type() }}) as class_name,
        cast(case when subjects.economic_level = 2 then subjects.economic_code end as {{ text_type() }})
            as section_code,
        cast(case when subjects.economic_level = 2 then subjects.economic_name end as {{ text_type() }})
            as section_name,
        cast(sangong_categories.sangong_category_code as {{ text_type() }}) as sangong_category_code,
        cast(sangong_categories.sangong_category_name as {{ text_type() }}) as sangong_category_name
    from subjects
    left join subjects as classes
        on subjects.fiscal_year = classes.fiscal_year
        and {{ code_at_level('subjects.economic_code', 'class') }} = classes.economic_code
    left join sangong_categories on subjects.economic_code = sangong_categories.economic_code
)

select * from final
