-- Each number of a document's 情况说明 that is about its tables (seeds/reference/
-- ref_audit_narrative_items.csv: the cells an item_key is computed from), against those cells:
-- an amount equals its cells' sum, a share its cells over their base, a completion rate the
-- 决算 cells over the 预算 cells. Printed values are intervals (a 万元 cell ±0.005, a percentage
-- ± half its last printed digit), so a check fails only when no true values could print both
-- (DECISIONLOG §23). Grain: one row per statement that has a mapping. Rules D20, D21, D22, D28.
with

statements as (
    select * from {{ ref('stg_document__statements') }}
),

items as (
    select * from {{ ref('ref_audit_narrative_items') }}
),

cells as (
    select * from {{ ref('doc_disclosure_cells') }}
),

-- The tables each document prints cells of: an item whose table is missing is not checked (the
-- missing table is D10's finding, not one per sentence).
printed_tables as (
    select distinct
        department_code as document_id,
        table_no
    from cells
),

mapped as (
    select
        statements.document_id,
        statements.statement_id,
        items.measure,
        items.role,
        printed_tables.table_no is not null as table_printed,
        cells.amount_wan,
        cells.page as cell_page,
        cells.locator
    from statements
    inner join items on statements.item_key = items.item_key
    left join printed_tables
        on statements.document_id = printed_tables.document_id
        and items.table_no = printed_tables.table_no
    left join cells
        on statements.document_id = cells.department_code
        and items.table_no = cells.table_no
        and (items.block is null or items.block = cells.block)
        and (
            items.line_key is null
            or cells.line_key
            = case when items.line_key = '{subject}' then statements.subject_code else items.line_key end
        )
        and items.column_key = cells.column_key
),

per_statement as (
    select
        document_id,
        statement_id,
        min(measure) as measure,
        bool_and(table_printed) as tables_printed,
        sum(case when role = 'value' then coalesce(amount_wan, 0) end) as value_amount,
        count(case when role = 'value' then locator end) as value_cells,
        count(case when role = 'value' then amount_wan end) as value_printed,
        sum(case when role = 'base' then coalesce(amount_wan, 0) end) as base_amount,
        count(case when role = 'base' then locator end) as base_cells,
        count(case when role = 'base' then amount_wan end) as base_printed,
        min(cell_page) as cell_page,
        string_agg(locator, '; ') as locator
    from mapped
    group by document_id, statement_id
),

measured as (
    select
        statements.document_id,
        statements.statement_id,
        coalesce(statements.page, per_statement.cell_page) as page,
        statements.part,
        statements.sentence,
        statements.item_key,
        statements.subject_code,
        statements.value_text,
        statements.unit,
        per_statement.measure,
        per_statement.tables_printed,
        per_statement.locator,
        per_statement.value_cells,
        per_statement.base_cells,
        per_statement.base_printed,
        per_statement.value_amount,
        per_statement.base_amount,
        statements.value as actual,
        -- Half the last printed digit of the statement's number (6.2 → 0.05; 71.73 → 0.005).
        0.5 / pow(10, case when strpos(statements.value_text, '.') > 0
                then length(statements.value_text) - strpos(statements.value_text, '.')
            else 0
        end) as printed_half,
        -- Half a printed 万元 cent per cell on each side.
        0.005 * per_statement.value_cells as value_half,
        0.005 * per_statement.base_cells as base_half
    from statements
    inner join per_statement
        on statements.document_id = per_statement.document_id
        and statements.statement_id = per_statement.statement_id
),

checked as (
    select
        *,
        case
            when measure = 'amount' then value_amount
            when base_amount <> 0 then round(100.0 * value_amount / base_amount, 2)
        end as expected,
        -- A ratio's interval: the numerator's and base's intervals at their corners.
        case when measure <> 'amount' and base_amount - base_half > 0
                then 100.0 * greatest(value_amount - value_half, 0) / (base_amount + base_half)
        end as ratio_low,
        case when measure <> 'amount' and base_amount - base_half > 0
                then 100.0 * (value_amount + value_half) / (base_amount - base_half)
        end as ratio_high
    from measured
)

select
    document_id,
    statement_id,
    page,
    part,
    sentence,
    item_key,
    subject_code,
    measure,
    locator,
    unit,
    cast(expected as decimal(38, 2)) as expected,
    actual,
    cast(actual - expected as decimal(38, 2)) as difference,
    -- The cells the item names are not in the document's tables (which it prints).
    tables_printed and value_cells = 0 as cells_missing,
    measure = 'amount' and value_cells > 0 and abs(actual - value_amount)
    > greatest(printed_half - 0.005, 0)
    + case when value_cells > 1 then 0.005 * (value_cells + 1) else 0 end as amount_differs,
    measure = 'share' and value_cells > 0 and ratio_low is not null
    and (actual + printed_half < ratio_low or actual - printed_half > ratio_high) as share_differs,
    measure = 'completion_rate' and value_cells > 0 and ratio_low is not null
    and (actual + printed_half < ratio_low or actual - printed_half > ratio_high) as rate_differs,
    -- A rate of a budget printed blank; or, of a budget printed 0.00, any rate but 0% (the
    -- template's own wording for a zero budget is 完成预算的0%).
    measure = 'completion_rate' and tables_printed
    and (base_printed = 0 or (coalesce(base_amount, 0) = 0 and actual <> 0)) as rate_of_blank_budget
from checked
