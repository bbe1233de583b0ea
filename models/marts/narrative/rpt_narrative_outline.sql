-- The document's parts, its 概况 and 情况说明 parts, charts and 名词解释 terms, as the
-- department's disclosure profile prints them (seed ref_narrative_outline, keyed by the profile
-- whose layout the department prints): order, heading (the fiscal year and the department's name
-- put in), and for a 名词解释 its wording. The wording of a part is the profile's template,
-- scripts/juesuan/publish/templates/narrative/<template_profile_code>.txt.j2, one macro per
-- part_key (template_profile_code: the profile whose outline rows these are, a variant's base
-- when it inherits them). Grain: one row per department, fiscal year, document part and part_key.
with

scopes as (
    select * from {{ ref('int_reporting_scopes') }}
),

departments as (
    select * from {{ ref('stg_ledger__departments') }}
),

outline as (
    select * from {{ ref('stg_reference__narrative_outline') }}
),

department_scopes as (
    select
        scopes.department_code,
        coalesce(departments.department_name, scopes.department_code) as department_name,
        scopes.fiscal_year,
        scopes.profile_code,
        scopes.layout_profile_code
    from scopes
    left join departments on scopes.department_code = departments.department_code
    where scopes.unit_code is null
),

final as (
    select
        department_scopes.department_code,
        department_scopes.fiscal_year,
        department_scopes.profile_code,
        department_scopes.layout_profile_code,
        outline.source_profile_code as template_profile_code,
        outline.document_part,
        outline.part_order,
        outline.part_key,
        outline.parent_key,
        replace(
            replace(outline.heading, '{year}', cast(department_scopes.fiscal_year as {{ text_type() }})),
            '{department}', department_scopes.department_name
        ) as heading,
        outline.body_text
    from department_scopes
    inner join outline on department_scopes.layout_profile_code = outline.profile_code
)

select * from final
