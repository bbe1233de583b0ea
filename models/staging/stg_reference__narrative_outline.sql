with

source as (
    select * from {{ ref('ref_narrative_outline') }}
),

renamed as (
    select
        cast(profile_code as {{ text_type() }}) as profile_code,
        cast(document_part as {{ text_type() }}) as document_part,
        cast(part_order as integer) as part_order,
        cast(part_key as {{ text_type() }}) as part_key,
        cast(parent_key as {{ text_type() }}) as parent_key,
        cast(heading as {{ text_type() }}) as heading,
        cast(body_text as {{ text_type() }}) as body_text
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'document_part', 'part_order', 'part_key', 'parent_key', 'heading', 'body_text'
    ], with_source=true) }}
)

select * from final
