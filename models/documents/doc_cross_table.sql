-- The published documents' cells, all tables together, for the catalogue's cross-table (X)
-- rules (_marts__models.yml). A view with no children: a failing rule here skips nothing, so
-- every rule of an audit runs in one `dbt build` whatever fails (as do doc_t01 … doc_t09).
{{ config(materialized='view') }}

select * from {{ ref('doc_disclosure_cells') }}
