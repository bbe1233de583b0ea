-- 公开09表 财政拨款“三公”经费支出决算表. Grain: one row per reporting scope, fiscal year, row and column.
-- A view: the table's cells in rpt_disclosure_cells, where every cell is stored once.
{{ config(materialized='view') }}

select * from {{ ref('rpt_disclosure_cells') }}
where table_no = '09'
