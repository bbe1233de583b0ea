-- 公开04表 财政拨款收入支出决算总表. Grain: one row per reporting scope, fiscal year, line (行次) and column.
-- A view: the cells are stored once, in the intermediate model it filters.
{{ config(materialized='view') }}

select * from {{ ref('int_layout_line_cells') }}
where table_no = '04'
