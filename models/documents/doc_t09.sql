-- The published documents' table 09 (by content) in rpt_t09's shape: the rule catalogue's
-- 09 identities run on it with the printed rounding interval (_marts__models.yml).
{{ config(materialized='view') }}

select * from {{ ref('doc_disclosure_cells') }}
where table_no = '09'
