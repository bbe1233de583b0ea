-- The published documents' cells in rpt_disclosure_cells' shape, so the rule catalogue's
-- identities (the T and X rules, one definition each: models/marts/_marts__models.yml) run on
-- its views doc_t01 … doc_t09 and doc_cross_table: department_code is the document, amount_yuan
-- the printed 万元 in 元 (a blank cell is 0), and meta printed_half_unit_yuan (50 元 = 0.005 万元)
-- gives every identity the rounding interval of printed parts (macros/documents/
-- document_landing.sql). Grain: one row per document, table, block, row and column; page and
-- locator say where each cell is printed.
{{ config(materialized='table') }}

with

cells as (
    select * from {{ ref('stg_document__cells') }}
),

documents as (
    select * from {{ ref('stg_document__documents') }}
)

select
    cells.document_id as department_code,
    documents.department_name,
    cast(null as {{ text_type() }}) as unit_code,
    documents.fiscal_year,
    cells.table_no,
    cells.block,
    cells.row_order,
    cells.row_code,
    cast(null as {{ text_type() }}) as line_no,
    coalesce(cells.line_key, cells.row_code, 'total') as line_key,
    cells.row_label,
    cells.column_order,
    cells.column_key,
    cells.column_group,
    cells.column_label,
    documents.profile_code,
    cast(coalesce(cells.amount_wan, 0) * 10000 as decimal(18, 2)) as amount_yuan,
    cells.amount_wan,
    cells.amount_text,
    cells.page,
    cells.locator,
    cells.document_id
from cells
left join documents on cells.document_id = documents.document_id
