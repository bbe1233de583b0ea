-- 公开03表. Grain: one row per reporting scope, fiscal year, row (合计, 类, 款, 项) and column.
-- A view: the cells are stored once, in the intermediate model it filters.
{{ config(materialized='view') }}

select * from {{ ref('int_function_table_cells') }}
where table_no = '03'
