with

source as (
    select * from {{ ledger_relation('units') }}
),

renamed as (
    select
        cast(unit_code as varchar) as unit_code,
        cast(unit_name as varchar) as unit_name,
        cast(department_code as varchar) as department_code,
        cast(unit_type_code as varchar) as unit_type_code,
        cast(is_department_body as boolean) as is_department_body
    from source
)

select * from renamed
