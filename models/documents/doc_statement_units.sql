-- A 情况说明 amount in 元 in a document whose amounts are in 万元 (D30): "增加0.13元" where every
-- other amount, the table's included, is 0.13万元. Grain: one row per statement in 元 of a
-- document with amounts in 万元.
with

statements as (
    select * from {{ ref('stg_document__statements') }}
),

in_wan as (
    select distinct document_id from statements
    where unit = '万元'
)

select
    statements.document_id,
    statements.statement_id,
    statements.page,
    statements.statement_id as locator,
    statements.sentence,
    statements.item_key,
    statements.value as actual,
    statements.unit
from statements
inner join in_wan on statements.document_id = in_wan.document_id
where statements.unit = '元'
