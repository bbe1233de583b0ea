with

source as (
    select * from {{ ref('ref_narrative_outline') }}
),

renamed as (
    select
        cast(profile_code as varchar) as profile_code,
        cast(document_part as varchar) as document_part,
        cast(part_order as integer) as part_order,
        cast(part_key as varchar) as part_key,
        cast(parent_key as varchar) as parent_key,
        cast(heading as varchar) as heading,
        cast(body_text as varchar) as body_text
    from source
),

-- A print variant without rows of its own here prints its base profile's (inherits_from).
final as (
    {{ with_inherited_rows('renamed', [
        'document_part', 'part_order', 'part_key', 'parent_key', 'heading', 'body_text'
    ], with_source=true) }}
)

select * from final
