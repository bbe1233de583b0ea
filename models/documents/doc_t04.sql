-- The published documents' table 04 (by content) in rpt_t04's shape: the rule catalogue's
-- 04 identities run on it with the printed rounding interval (_marts__models.yml).
{{ config(materialized='view') }}

select * from {{ ref('doc_disclosure_cells') }}
where table_no = '04'
