with

source as (
    select * from {{ ref('narrative_procurement_contracts') }}
),

renamed as (
    select
        cast(department_code as {{ text_type() }}) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(contract_id as {{ text_type() }}) as contract_id,
        cast(procurement_category as {{ text_type() }}) as procurement_category,
        cast(supplier_size as {{ text_type() }}) as supplier_size,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        cast(contract_subject as {{ text_type() }}) as contract_subject
    from source
)

select * from renamed
