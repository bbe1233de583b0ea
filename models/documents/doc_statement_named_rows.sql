-- A 情况说明 sentence that lists what an amount consists of (人员经费主要包括：基本工资、…) naming a
-- row of the table that amount comes from which the table prints blank or zero (D29): the text
-- says money was spent on something the table says was not. Grain: one row per statement and
-- row named. Only the economic 款 of 06 under the statement's block (ref_audit_narrative_items),
-- named as a whole item of the list.
with

statements as (
    select * from {{ ref('stg_document__statements') }}
),

items as (
    select * from {{ ref('ref_audit_narrative_items') }}
    where table_no = '06' and role = 'value'
),

cells as (
    select * from {{ ref('doc_disclosure_cells') }}
    where table_no = '06' and length(row_code) = 5
)

select
    statements.document_id,
    statements.statement_id,
    statements.page,
    statements.sentence,
    statements.item_key,
    cells.row_code,
    cells.row_label,
    cells.locator,
    cells.amount_wan
from statements
inner join items on statements.item_key = items.item_key
inner join cells
    on statements.document_id = cells.department_code
    and items.block = cells.block
where coalesce(cells.amount_wan, 0) = 0
    and strpos(statements.sentence, '包括') > 0
    -- A listed item is a whole item of the list (邮电费 does not name 电费).
    and list_contains(string_split_regex(statements.sentence, '[：:、，,；;。]'), cells.row_label)
