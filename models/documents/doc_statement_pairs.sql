-- The 情况说明's comparisons (seeds/reference/ref_audit_narrative_pairs.csv): this year's amount
-- with its change on last year and that change's rate (yoy), and 决算 with 预算 and the
-- completion rate (budget). A change is printed unsigned; its comparison word gives its
-- direction (ref_document_comparison_words). Checks: the words agree with the numbers (增加 for
-- a rise, 持平 for no change, 大于 when 决算 is larger …; D26), the rate is the change over last
-- year's amount (D25), the completion rate is 决算 over 预算 (D22, where the 预算 is not a table
-- cell: doc_statement_checks has those), all within the printed numbers' rounding.
-- Grain: one row per document, pair and subject.
with

statements as (
    select * from {{ ref('stg_document__statements') }}
),

pairs as (
    select * from {{ ref('ref_audit_narrative_pairs') }}
),

words as (
    select * from {{ ref('ref_document_comparison_words') }}
),

table_items as (
    select distinct item_key from {{ ref('ref_audit_narrative_items') }}
),

numbers as (
    select
        statements.document_id,
        statements.item_key,
        coalesce(statements.subject_code, '') as subject_code,
        arg_min(statements.value, statements.statement_id) as value,
        arg_min(statements.value_text, statements.statement_id) as value_text,
        arg_min(words.direction, statements.statement_id) as direction,
        arg_min(statements.comparison_word, statements.statement_id) as comparison_word,
        arg_min(statements.sentence, statements.statement_id) as sentence,
        min(statements.page) as page,
        min(statements.statement_id) as statement_id
    from statements
    left join words on statements.comparison_word = words.word
    group by statements.document_id, statements.item_key, coalesce(statements.subject_code, '')
),

paired as (
    select
        amount.document_id,
        pairs.pair_key,
        pairs.kind,
        amount.subject_code,
        amount.value as amount,
        other.value as other,
        other.direction as other_direction,
        other.comparison_word as other_word,
        rate.value as rate,
        rate.direction as rate_direction,
        rate.comparison_word as rate_word,
        0.5 / pow(10, case when strpos(rate.value_text, '.') > 0
                then length(rate.value_text) - strpos(rate.value_text, '.')
            else 0
        end) as rate_half,
        pairs.rate_item in (select table_items.item_key from table_items) as rate_checked_on_cells,
        -- The word comparing 决算 with 预算, where the sentence has one (决算数大于预算数 …).
        regexp_extract(amount.sentence, '决算数?[^，。；]*?(基本持平|持平|等于|大于|高于|超过|小于|低于)', 1) as budget_word,
        coalesce(amount.page, other.page, rate.page) as page,
        concat_ws(' / ', amount.sentence, other.sentence, rate.sentence) as sentence,
        concat_ws(', ', amount.statement_id, other.statement_id, rate.statement_id) as locator
    from pairs
    inner join numbers as amount on pairs.amount_item = amount.item_key
    inner join numbers as other
        on pairs.other_item = other.item_key
        and amount.document_id = other.document_id
        and amount.subject_code = other.subject_code
    left join numbers as rate
        on pairs.rate_item = rate.item_key
        and amount.document_id = rate.document_id
        and amount.subject_code = rate.subject_code
),

computed as (
    select
        *,
        -- yoy: the signed change and last year's amount; budget: 决算 − 预算.
        case when kind = 'yoy' then
                case other_direction when 'down' then -other when 'flat' then 0 else other end
        end as change,
        case when kind = 'yoy'
                then
                    amount - case other_direction when 'down' then -other when 'flat' then 0 else other end
            else other
        end as rate_base
    from paired
)

select
    document_id,
    pair_key,
    kind,
    subject_code,
    page,
    locator,
    sentence,
    coalesce(other_word, '') || coalesce(' ' || rate_word, '') || coalesce(' ' || budget_word, '') as words,
    cast(case when rate_base <> 0 then
            round(100.0 * case when kind = 'yoy' then abs(change) else amount end / rate_base, 2)
    end as decimal(38, 2)) as expected,
    rate as actual,
    cast(rate - case when rate_base <> 0 then
            100.0 * case when kind = 'yoy' then abs(change) else amount end / rate_base
    end as decimal(38, 2)) as difference,
    -- D26: a word that contradicts the numbers.
    coalesce(
        kind = 'yoy' and (
            (other_direction = 'flat' and other <> 0)
            or (other_direction in ('up', 'down') and other = 0)
            or (
                rate_direction is not null
                and other_direction is not null
                and rate_direction <> other_direction
            )
        )
        or kind = 'budget' and (
            (budget_word in ('大于', '高于', '超过') and amount <= other)
            or (budget_word in ('小于', '低于') and amount >= other)
            or (budget_word in ('持平', '等于') and amount <> other)
        ),
        false
    ) as word_contradicts,
    -- D25 / D22: the rate is not the change over last year (or 决算 over 预算) within rounding:
    -- each amount ±0.005 万元, the rate ± half its last digit.
    coalesce(
        rate is not null and not rate_checked_on_cells and abs(rate_base) > 0.02
        and abs(
            rate - 100.0 * case when kind = 'yoy' then abs(change) else amount end / rate_base
        ) > rate_half + 100.0 * (
            0.01 * abs(case when kind = 'yoy' then abs(change) else amount end)
            / (rate_base * rate_base) + 0.01 / abs(rate_base)
        ),
        false
    ) as rate_differs
from computed
