-- Grain: one row per mapped 科目 code (first level or detail, matched as a prefix) and scope: the
-- common mapping (seed ref_budget_account_mappings, department_code null) and each department's
-- own overlay (seed ref_budget_account_overlays), read and cast alike, in one place.
{%- set mapped = [
    'voucher_flow', 'opening_flow', 'income_type_code', 'spending_group',
    'spending_type_code', 'fund_class', 'fund_source_code'
] %}
{%- set columns = ['account_code', 'account_name'] + mapped + ['basis'] %}

with

common as (
    select
        cast(null as {{ text_type() }}) as department_code,
        false as is_department_overlay,
        {{ columns | join(', ') }}
    from {{ ref('ref_budget_account_mappings') }}
),

overlays as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        true as is_department_overlay,
        {{ columns | join(', ') }}
    from {{ ref('ref_budget_account_overlays') }}
),

unioned as (
    select * from common
    union all
    select * from overlays
),

renamed as (
    select
        department_code,
        is_department_overlay,
        cast(account_code as {{ text_type() }}) as account_code,
        cast(account_name as {{ text_type() }}) as account_name,
        {%- for column in mapped %}
            nullif(cast({{ column }} as {{ text_type() }}), '') as {{ column }},
        {%- endfor %}
        cast(basis as {{ text_type() }}) as basis
    from unioned
)

select * from renamed
