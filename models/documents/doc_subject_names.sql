-- The 类/款/项 names a document prints (its 02, 03, 05, 07, 08 rows and the subjects its 情况说明
-- names) against the year's function code list (ref_function_subjects): a name that is not the
-- code's name in the reporting year, or a code the year's list does not have (D27). Printed
-- numbering (一、) and the level in brackets (（类）) are not part of the name. Grain: one row
-- per document and printed code with a name.
with

documents as (
    select * from {{ ref('stg_document__documents') }}
),

subjects as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

named as (
    select
        department_code as document_id,
        page,
        locator,
        row_code as code,
        row_label as printed_name,
        cast(null as {{ text_type() }}) as sentence
    from {{ ref('doc_disclosure_cells') }}
    where table_no in ('02', '03', '05', '07', '08') and row_code is not null
    group by all
    union all
    select
        document_id,
        page,
        statement_id as locator,
        subject_code as code,
        subject_name as printed_name,
        sentence
    from {{ ref('stg_document__statements') }}
    where regexp_matches(subject_code, '^\d{3}(\d{2}){0,2}$') and nullif(trim(subject_name), '') is not null
),

compared as (
    select
        named.*,
        documents.fiscal_year,
        subjects.function_name as expected_name,
        regexp_replace(
            regexp_replace(named.printed_name, '[\s　]+', '', 'g'),
            '^[一二三四五六七八九十百]+、|^[(（][一二三四五六七八九十]+[)）]|[(（][类款项][)）]', '', 'g'
        ) as name
    from named
    inner join documents on named.document_id = documents.document_id
    left join subjects on documents.fiscal_year = subjects.fiscal_year and named.code = subjects.function_code
)

select
    *,
    -- 一般公共服务（类）支出 names 一般公共服务支出: the level may stand before the name's 支出.
    expected_name is null
    or regexp_replace(expected_name, '[\s　]+', '', 'g') not in (name, name || '支出') as name_differs
from compared
