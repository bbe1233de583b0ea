-- 公开06表 一般公共预算财政拨款基本支出决算明细表. Grain: one row per reporting scope, fiscal year, row and column.
-- A view: the table's cells in rpt_disclosure_cells, where every cell is stored once.
{{ config(materialized='view') }}

select * from {{ ref('rpt_disclosure_cells') }}
where table_no = '06'
