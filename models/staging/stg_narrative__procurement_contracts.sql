with

source as (
    select * from {{ ref('narrative_procurement_contracts') }}
),

renamed as (
    select
        cast(department_code as varchar) as department_code,
        cast(fiscal_year as integer) as fiscal_year,
        cast(contract_id as varchar) as contract_id,
        cast(procurement_category as varchar) as procurement_category,
        cast(supplier_size as varchar) as supplier_size,
        cast(amount_yuan as decimal(18, 2)) as amount_yuan,
        cast(contract_subject as varchar) as contract_subject
    from source
)

select * from renamed
