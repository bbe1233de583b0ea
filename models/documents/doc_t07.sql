-- The published documents' table 07 (by content) in rpt_t07's shape: the rule catalogue's
-- 07 identities run on it with the printed rounding interval (_marts__models.yml).
{{ config(materialized='view') }}

select * from {{ ref('doc_disclosure_cells') }}
where table_no = '07'
