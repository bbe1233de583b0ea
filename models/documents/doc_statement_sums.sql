-- The 情况说明 against itself: the parts it lists add to the total it states, and the shares of
-- one structure add to 100% (seeds/reference/ref_audit_narrative_sums.csv), within the rounding
-- of the printed parts (half a printed unit per part, and per total). Each item counts once per
-- subject (a number repeated in two sentences is one part). Grain: one row per document and sum
-- the document states a total (or, for shares, two parts) of. Rules D23, D24.
with

statements as (
    select * from {{ ref('stg_document__statements') }}
),

sums as (
    select * from {{ ref('ref_audit_narrative_sums') }}
),

-- One number per item and subject: the first printed.
items as (
    select
        document_id,
        item_key,
        coalesce(subject_code, '') as subject_code,
        arg_min(value, statement_id) as value,
        arg_min(sentence, statement_id) as sentence,
        min(page) as page,
        min(statement_id) as statement_id
    from statements
    where value is not null
    group by document_id, item_key, coalesce(subject_code, '')
),

gathered as (
    select
        items.document_id,
        sums.sum_key,
        min(sums.description) as description,
        sum(case when sums.role = 'total' then items.value end) as stated_total,
        count(case when sums.role = 'total' then 1 end) as totals,
        sum(case when sums.role = 'part' then items.value end) as parts_sum,
        count(case when sums.role = 'part' then 1 end) as parts,
        min(items.page) as page,
        string_agg(distinct items.sentence, ' / ') as sentence,
        string_agg(items.statement_id, ', ' order by items.statement_id) as locator
    from items
    inner join sums on items.item_key = sums.item_key
    group by items.document_id, sums.sum_key
)

select
    document_id,
    sum_key,
    description,
    page,
    locator,
    sentence,
    totals = 0 as is_shares,
    cast(case when totals = 0 then 100 else stated_total end as decimal(38, 2)) as expected,
    cast(parts_sum as decimal(38, 2)) as actual,
    cast(parts_sum - case when totals = 0 then 100 else stated_total end as decimal(38, 2)) as difference,
    abs(parts_sum - case when totals = 0 then 100 else stated_total end)
    > 0.005 * (parts + totals) as differs
from gathered
where totals = 1 and parts >= 1 or totals = 0 and parts >= 2
