-- Grain: one row per budget line (年初预算数 and 全年预算数 of one unit, year, 项, economic 款,
-- fund source, spending type and project), as classified by int_budget_lines_classified.
with

budget_lines as (
    select * from {{ ref('int_budget_lines_classified') }}
),

final as (
    select
        cast(budget_line_id as {{ text_type() }}) as budget_line_key,
        cast(source_file as {{ text_type() }}) as source_file,
        cast(fiscal_year as integer) as fiscal_year,
        cast(department_code as {{ text_type() }}) as department_code,
        cast(unit_code as {{ text_type() }}) as unit_code,
        cast(
            cast(fiscal_year as {{ text_type() }}) || '-' || function_code as {{ text_type() }}
        ) as function_subject_key,
        cast(function_code as {{ text_type() }}) as function_code,
        cast({{ code_at_level('function_code', 'section') }} as {{ text_type() }}) as function_section_code,
        cast(function_class_code as {{ text_type() }}) as function_class_code,
        cast(
            cast(fiscal_year as {{ text_type() }}) || '-' || economic_code as {{ text_type() }}
        ) as economic_subject_key,
        cast(economic_code as {{ text_type() }}) as economic_code,
        cast(economic_class_code as {{ text_type() }}) as economic_class_code,
        cast(fund_source_code as {{ text_type() }}) as fund_source_code,
        cast(budget_code as {{ text_type() }}) as budget_code,
        cast(is_appropriation as boolean) as is_appropriation,
        cast(spending_type_code as {{ text_type() }}) as spending_type_code,
        cast(spending_group as {{ text_type() }}) as spending_group,
        cast(sangong_category_code as {{ text_type() }}) as sangong_category_code,
        cast(project_code as {{ text_type() }}) as project_code,
        cast(initial_budget_yuan as decimal(18, 2)) as initial_budget_yuan,
        cast(final_budget_yuan as decimal(18, 2)) as final_budget_yuan
    from budget_lines
)

select * from final
