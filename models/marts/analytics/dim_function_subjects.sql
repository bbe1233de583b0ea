-- Grain: one row per fiscal year and 功能分类 code (类, 款 and 项 alike), with its 类 and 款
-- ancestors flattened into columns (the parent of a code is its prefix).
with

subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

final as (
    select
        cast(
            cast(subjects.fiscal_year as {{ text_type() }}) || '-' || subjects.function_code
            as {{ text_type() }}
        ) as function_subject_key,
        cast(subjects.fiscal_year as integer) as fiscal_year,
        cast(subjects.function_code as {{ text_type() }}) as function_code,
        cast(subjects.function_name as {{ text_type() }}) as function_name,
        cast(subjects.function_level as integer) as function_level,
        cast(case subjects.function_level when 1 then '类' when 2 then '款' else '项' end as {{ text_type() }})
            as function_level_name,
        cast(subjects.parent_function_code as {{ text_type() }}) as parent_function_code,
        cast(classes.function_code as {{ text_type() }}) as class_code,
        cast(classes.function_name as {{ text_type() }}) as class_name,
        cast(sections.function_code as {{ text_type() }}) as section_code,
        cast(sections.function_name as {{ text_type() }}) as section_name,
        cast(
            case when subjects.function_level = 3 then subjects.function_code end as {{ text_type() }}
        ) as item_code,
        cast(
            case when subjects.function_level = 3 then subjects.function_name end as {{ text_type() }}
        ) as item_name
    from subjects
    left join subjects as classes
        on subjects.fiscal_year = classes.fiscal_year
        and {{ code_at_level('subjects.function_code', 'class') }} = classes.function_code
    left join subjects as sections
        on subjects.fiscal_year = sections.fiscal_year
        and subjects.function_level >= 2
        and {{ code_at_level('subjects.function_code', 'section') }} = sections.function_code
)

select * from final
