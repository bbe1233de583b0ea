-- The warehouse reproduces every transcribed cell of a published document, to the cent in 万元,
-- with the published row label; a cell present on one side only fails too. Scope: the
-- department level of each (department, year) that has a transcription, and the tables that
-- transcription covers, for the departments in the ledger being built (a provincial ledger read
-- from files need not contain the example's department).
{{ config(meta={'rule_id': 'P01', 'kind': '公开核对', 'message': '生成的决算表与已公开文件不一致（逐格核对，万元）'}) }}

with

ledger_departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

published as (
    select * from {{ ref('published_disclosure_cells') }}
    where department_code in (select ledger_departments.department_code from ledger_departments)
),

generated as (
    select * from {{ ref('rpt_disclosure_cells') }}
    where unit_code is null
),

transcribed_tables as (
    select distinct
        department_code,
        fiscal_year,
        table_no
    from published
),

generated_in_scope as (
    select generated.*
    from generated
    inner join transcribed_tables
        on generated.department_code = transcribed_tables.department_code
        and generated.fiscal_year = transcribed_tables.fiscal_year
        and generated.table_no = transcribed_tables.table_no
),

compared as (
    select
        coalesce(published.department_code, generated_in_scope.department_code) as department_code,
        coalesce(published.fiscal_year, generated_in_scope.fiscal_year) as fiscal_year,
        coalesce(published.table_no, generated_in_scope.table_no) as table_no,
        coalesce(published.block, generated_in_scope.block) as block,
        coalesce(published.row_code, generated_in_scope.row_code) as row_code,
        coalesce(published.line_no, generated_in_scope.line_no) as line_no,
        coalesce(published.column_label, generated_in_scope.column_label) as column_label,
        published.row_label as published_row_label,
        generated_in_scope.row_label as generated_row_label,
        published.amount_wan as published_amount_wan,
        generated_in_scope.amount_wan as generated_amount_wan,
        generated_in_scope.amount_yuan as generated_amount_yuan
    from published
    full outer join generated_in_scope
        on published.department_code = generated_in_scope.department_code
        and published.fiscal_year = generated_in_scope.fiscal_year
        and published.table_no = generated_in_scope.table_no
        and coalesce(published.block, '') = coalesce(generated_in_scope.block, '')
        and coalesce(published.row_code, '') = coalesce(generated_in_scope.row_code, '')
        and coalesce(published.line_no, -1) = coalesce(generated_in_scope.line_no, -1)
        and published.column_label = generated_in_scope.column_label
)

select
    *,
    generated_amount_wan - published_amount_wan as difference_wan
from compared
where published_amount_wan is null
    or generated_amount_wan is null
    or published_amount_wan <> generated_amount_wan
    or published_row_label <> generated_row_label
