-- The same quantity printed twice in a document's 情况说明 and annexes with two values (D31): one
-- item (and subject) printed twice, or two items that are one quantity
-- (ref_audit_narrative_same: the annex's 三公 budget and the 情况说明's). Two prints agree when
-- they differ by no more than half the last digit of the coarser one (0.1286 and 0.13 agree; 7
-- and 8 people do not). Grain: one row per document, quantity and pair of differing prints.
with

statements as (
    select * from {{ ref('stg_document__statements') }}
),

same as (
    select * from {{ ref('ref_audit_narrative_same') }}
),

printed as (
    select
        statements.document_id,
        statements.statement_id,
        statements.page,
        statements.sentence,
        statements.value,
        statements.unit,
        coalesce(same.same_as, statements.item_key) as quantity,
        coalesce(statements.subject_code, '') as subject_code,
        0.5 / pow(10, case when strpos(statements.value_text, '.') > 0
                then length(statements.value_text) - strpos(statements.value_text, '.')
            else 0
        end) as printed_half
    from statements
    left join same on statements.item_key = same.item_key
    where statements.item_key is not null and statements.value is not null
)

select
    first_print.document_id,
    first_print.quantity,
    first_print.subject_code,
    first_print.page,
    first_print.statement_id || ', ' || second_print.statement_id as locator,
    first_print.sentence || ' / ' || second_print.sentence as sentence,
    first_print.unit,
    first_print.value as expected,
    second_print.value as actual,
    second_print.value - first_print.value as difference
from printed as first_print
inner join printed as second_print
    on first_print.document_id = second_print.document_id
    and first_print.quantity = second_print.quantity
    and first_print.subject_code = second_print.subject_code
    and first_print.unit = second_print.unit
    and first_print.statement_id < second_print.statement_id
where abs(first_print.value - second_print.value)
    > greatest(first_print.printed_half, second_print.printed_half)
