-- Each table a document's disclosure profile prescribes (ref_disclosure_tables, through the
-- profile's layout), against the tables the document prints: present (D10), in the profile's
-- order among those present (D11), and an empty one with its statement (D12). Grain: one row
-- per document and prescribed table, plus any printed table the profile does not list.
with

documents as (
    select * from {{ ref('stg_document__documents') }}
),

profiles as (
    select * from {{ ref('stg_reference__disclosure_profiles') }}
),

prescribed as (
    select
        documents.document_id,
        tables.table_no,
        tables.print_order,
        tables.table_label
    from documents
    inner join profiles on documents.profile_code = profiles.profile_code
    inner join {{ ref('stg_reference__disclosure_tables') }} as tables
        on profiles.layout_profile_code = tables.profile_code
),

printed as (
    select * from {{ ref('stg_document__tables') }}
),

-- A table the reader reported missing (read problem table_missing, rule D10) is not reported twice.
reported as (
    select distinct document_id
    from ({{ document_file('read_problems', [['document_id', text_type()], ['problem', text_type()]]) }})
    where problem = 'table_missing'
),

joined as (
    select
        coalesce(prescribed.document_id, printed.document_id) as document_id,
        coalesce(prescribed.table_no, printed.table_no) as table_no,
        prescribed.table_label,
        prescribed.print_order,
        printed.printed_no,
        printed.title,
        printed.page,
        printed.position,
        printed.is_empty,
        printed.empty_statement,
        reported.document_id is not null as reported_by_reader
    from prescribed
    full outer join printed
        on prescribed.document_id = printed.document_id
        and prescribed.table_no = printed.table_no
    left join reported on coalesce(prescribed.document_id, printed.document_id) = reported.document_id
)

select
    *,
    'p'
    || coalesce(cast(page as {{ text_type() }}), '?')
    || ' '
    || coalesce(printed_no, table_label, table_no) as locator,
    position is null and not reported_by_reader as is_missing,
    -- Out of order: its rank among the printed tables by position differs from its rank by the
    -- profile's order (a missing table does not shift the others).
    position is not null and print_order is not null
    and rank()
        over (partition by document_id, position is not null and print_order is not null order by position)
    <> rank()
        over (partition by document_id, position is not null and print_order is not null order by print_order)
        as out_of_order,
    coalesce(is_empty, false) and nullif(trim(empty_statement), '') is null as empty_without_statement
from joined
