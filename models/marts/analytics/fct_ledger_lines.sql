-- Grain: one row per ledger line: every income entry and every spending entry, as classified
-- by the intermediate models (no ledger file is read again). `flow` says which.
-- A view: the classified line tables it reads are already stored, and a second stored copy of
-- every line cost 16 s of a 10M-line build (BENCHMARKS.md); DuckDB scans the view as fast.
{{ config(materialized='view') }}

with

income_entries as (
    select * from {{ ref('int_income_entries_classified') }}
),

expenditure_entries as (
    select * from {{ ref('int_expenditure_entries_classified') }}
),

income_lines as (
    select
        'income:' || entry_id as ledger_line_key,
        'income' as flow,
        '收入' as flow_name,
        entry_id,
        source_file,
        voucher_no,
        posting_date,
        fiscal_year,
        department_code,
        unit_code,
        function_code,
        function_section_code,
        function_class_code,
        cast(null as {{ text_type() }}) as economic_code,
        cast(null as {{ text_type() }}) as economic_class_code,
        fund_source_code,
        budget_code,
        is_appropriation,
        income_type_code,
        cast(null as {{ text_type() }}) as spending_type_code,
        cast(null as {{ text_type() }}) as spending_group,
        cast(null as {{ text_type() }}) as basic_component,
        cast(null as {{ text_type() }}) as sangong_category_code,
        cast(null as {{ text_type() }}) as project_code,
        amount_yuan,
        summary
    from income_entries
),

expenditure_lines as (
    select
        'expenditure:' || entry_id as ledger_line_key,
        'expenditure' as flow,
        '支出' as flow_name,
        entry_id,
        source_file,
        voucher_no,
        posting_date,
        fiscal_year,
        department_code,
        unit_code,
        function_code,
        function_section_code,
        function_class_code,
        economic_code,
        economic_class_code,
        fund_source_code,
        budget_code,
        is_appropriation,
        cast(null as {{ text_type() }}) as income_type_code,
        spending_type_code,
        spending_group,
        basic_component,
        sangong_category_code,
        project_code,
        amount_yuan,
        summary
    from expenditure_entries
),

ledger_lines as (
    select * from income_lines
    union all
    select * from expenditure_lines
),

final as (
    select
        cast(ledger_line_key as {{ text_type() }}) as ledger_line_key,
        cast(flow as {{ text_type() }}) as flow,
        cast(flow_name as {{ text_type() }}) as flow_name,
        cast(entry_id as {{ text_type() }}) as entry_id,
        cast(source_file as {{ text_type() }}) as source_file,
        cast(voucher_no as {{ text_type() }}) as voucher_no,
        cast(posting_date as date) as posting_date,
        cast(fiscal_year as integer) as fiscal_year,
        cast(department_code as {{ text_type() }}) as department_code,
        cast(unit_code as {{ text_type() }}) as unit_code,
        cast(
            cast(fiscal_year as {{ text_type() }}) || '-' || function_code as {{ text_type() }}
        ) as function_subject_key,
        cast(function_code as {{ text_type() }}) as function_code,
        cast(function_section_code as {{ text_type() }}) as function_section_code,
        cast(function_class_code as {{ text_type() }}) as function_class_code,
        cast(
            cast(fiscal_year as {{ text_type() }}) || '-' || economic_code as {{ text_type() }}
        ) as economic_subject_key,
        cast(economic_code as {{ text_type() }}) as economic_code,
        cast(economic_class_code as {{ text_type() }}) as economic_class_code,
        cast(fund_source_code as {{ text_type() }}) as fund_source_code,
        cast(budget_code as {{ text_type() }}) as budget_code,
        cast(is_appropriation as boolean) as is_appropriation,
        cast(income_type_code as {{ text_type() }}) as income_type_code,
        cast(spending_type_code as {{ text_type() }}) as spending_type_code,
        cast(spending_group as {{ text_type() }}) as spending_group,
        cast(basic_component as {{ text_type() }}) as basic_component,
        cast(sangong_category_code as {{ text_type() }}) as sangong_category_code,
        cast(project_code as {{ text_type() }}) as project_code,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        cast(summary as {{ text_type() }}) as summary
    from ledger_lines
)

select * from final
