-- Every text line of a document that breaks a structure rule: a year in the title, a heading, a
-- table title or the table of contents that is not the reporting year (D13; body sentences
-- compare with other years and are not checked), a placeholder left from the template (D14:
-- XX, ×××, `202 年度`), and a table of contents entry no heading or table title matches (D15).
-- Grain: one row per document and line that breaks a rule, and one per document without a
-- reporting year.
with

texts as (
    select * from {{ ref('stg_document__texts') }}
),

documents as (
    select * from {{ ref('stg_document__documents') }}
),

-- A line as a title reads: no spaces, no dot leaders, no page number at the end.
normalised as (
    select
        *,
        regexp_replace(
            regexp_replace(text, '[\s　]+', '', 'g'), '[.·…．。\-—_]{2,}\d*$|[.·…．\s]*\d+$', ''
        ) as title_text
    from texts
),

-- The title without its numbering (第三部分, 一、, （一）) and without a year (2023年度, D13's):
-- a table's title is printed above it without the number the table of contents gives it, and a
-- heading may name the year its contents line leaves out.
keyed as (
    select
        *,
        regexp_replace(
            regexp_replace(
                title_text, '^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])', ''
            ),
            '(19|20)\d\d年度', '', 'g'
        ) as title_key
    from normalised
),

-- The headings: heading, table title and title lines, and the tables' titles as read (a text
-- layer may not tell a table's title from its body). A heading that is only a part's number
-- (第二部分, its name on the next line) keeps the number as its key.
headings as (
    select distinct
        document_id,
        coalesce(nullif(title_key, ''), title_text) as title_key
    from keyed
    where kind in ('heading', 'table_title', 'title') and title_text != ''
    union
    select distinct
        document_id,
        regexp_replace(title, '[\s　]+', '', 'g') as title_key
    from {{ ref('stg_document__tables') }}
    where title is not null
),

-- A table of contents entry matches a heading with the same title, or one that is its start (a
-- heading wrapped onto a second line), of eight characters or more.
toc_matched as (
    select distinct
        keyed.document_id,
        keyed.line_no
    from keyed
    inner join headings
        on keyed.document_id = headings.document_id
        and (
            keyed.title_key = headings.title_key
            or (length(headings.title_key) >= 8 and starts_with(keyed.title_key, headings.title_key))
            or (
                regexp_matches(headings.title_key, '^第[一二三四五六七八九十]+部分$')
                and starts_with(keyed.title_text, headings.title_key)
            )
        )
    where keyed.kind = 'toc_entry'
),

checked_lines as (
    select
        normalised.document_id,
        normalised.page,
        normalised.line_no,
        normalised.kind,
        normalised.text as sentence,
        documents.fiscal_year,
        'p' || coalesce(cast(normalised.page as {{ text_type() }}), '?')
        || ' 行' || cast(normalised.line_no as {{ text_type() }}) as locator,
        try_cast(
            nullif(regexp_extract(normalised.text, '((19|20)\d\d)\s*年度', 1), '') as integer
        ) as year_printed,
        regexp_matches(normalised.text, '[XxＸｘ]{2,}|×{2,}|(^|[^0-9])20\d?\s*年度') as has_placeholder,
        normalised.kind = 'toc_entry'
        and normalised.title_text != ''
        and toc_matched.line_no is null as toc_unmatched
    from normalised
    inner join documents on normalised.document_id = documents.document_id
    left join toc_matched
        on normalised.document_id = toc_matched.document_id
        and normalised.line_no = toc_matched.line_no
),

judged as (
    select
        *,
        coalesce(
            kind in ('title', 'heading', 'table_title', 'toc_entry')
            and year_printed is not null
            and year_printed != fiscal_year,
            false
        ) as wrong_year
    from checked_lines
)

select
    document_id,
    page,
    line_no,
    kind,
    sentence,
    locator,
    fiscal_year,
    year_printed,
    wrong_year,
    has_placeholder,
    toc_unmatched
from judged
where has_placeholder or toc_unmatched or wrong_year

union all

select
    document_id,
    cast(null as integer) as page,
    cast(null as integer) as line_no,
    'document' as kind,
    source_file as sentence,
    source_file as locator,
    fiscal_year,
    cast(null as integer) as year_printed,
    true as wrong_year,
    false as has_placeholder,
    false as toc_unmatched
from documents
where fiscal_year is null
