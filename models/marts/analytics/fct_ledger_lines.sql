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
        cast(null as varchar) as economic_code,
        cast(null as varchar) as economic_class_code,
        fund_source_code,
        budget_code,
        is_appropriation,
        income_type_code,
        cast(null as varchar) as spending_type_code,
        cast(null as varchar) as spending_group,
        cast(null as varchar) as basic_component,
        cast(null as varchar) as sangong_category_code,
        cast(null as varchar) as project_code,
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
        cast(null as varchar) as income_type_code,
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
        cast(ledger_line_key as varchar) as ledger_line_key,
        cast(flow as varchar) as flow,
        cast(flow_name as varchar) as flow_name,
        cast(entry_id as varchar) as entry_id,
        cast(source_file as varchar) as source_file,
        cast(voucher_no as varchar) as voucher_no,
        cast(posting_date as date) as posting_date,
        cast(fiscal_year as integer) as fiscal_year,
        cast(department_code as varchar) as department_code,
        cast(unit_code as varchar) as unit_code,
        cast(cast(fiscal_year as varchar) || '-' || function_code as varchar) as function_subject_key,
        cast(function_code as varchar) as function_code,
        cast(function_section_code as varchar) as function_section_code,
        cast(function_class_code as varchar) as function_class_code,
        cast(cast(fiscal_year as varchar) || '-' || economic_code as varchar) as economic_subject_key,
        cast(economic_code as varchar) as economic_code,
        cast(economic_class_code as varchar) as economic_class_code,
        cast(fund_source_code as varchar) as fund_source_code,
        cast(budget_code as varchar) as budget_code,
        cast(is_appropriation as boolean) as is_appropriation,
        cast(income_type_code as varchar) as income_type_code,
        cast(spending_type_code as varchar) as spending_type_code,
        cast(spending_group as varchar) as spending_group,
        cast(basic_component as varchar) as basic_component,
        cast(sangong_category_code as varchar) as sangong_category_code,
        cast(project_code as varchar) as project_code,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        cast(summary as varchar) as summary
    from ledger_lines
)

select * from final
