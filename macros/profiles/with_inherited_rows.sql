{#- A profile's rows of one layout seed (staged in the CTE `cte`), plus, for a profile that
    inherits (ref_disclosure_profiles.inherits_from) and has no rows of its own in that seed, a copy
    of the rows of the profile it inherits from under its own code. A print variant that differs in
    one table (shanghai-2024-template: the 24 classes of 01) gives that table's rows only.
    `columns`: every column of the CTE but profile_code. `with_source`: also return
    `source_profile_code`, whose rows they are (the narrative template is the source's). -#}
{% macro with_inherited_rows(cte, columns, with_source=false) -%}
    {%- set own_source = 'profile_code as source_profile_code, ' if with_source else '' -%}
    {%- set base_source = 'base.profile_code as source_profile_code, ' if with_source else '' -%}
    select
        profile_code,
        {{ own_source }}{{ columns | join(',\n        ') }}
    from {{ cte }}
    union all
    select
        heirs.profile_code,
        {{ base_source }}base.{{ columns | join(',\n        base.') }}
    from {{ ref('stg_reference__disclosure_profiles') }} as heirs
    inner join {{ cte }} as base on heirs.inherits_from = base.profile_code
    where not exists (select 1 from {{ cte }} as own where own.profile_code = heirs.profile_code)
{%- endmacro %}
