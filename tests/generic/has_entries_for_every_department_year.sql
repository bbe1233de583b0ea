{#- Fails with each department and fiscal year that has ledger rows in the `others` entities but
    none in `entity`: an empty or header-only income or spending file (or one that lost a
    department) beside the department's other data, which would publish a table without its
    income or spending instead of stopping. Named with the file that should have held them. -#}
{% test has_entries_for_every_department_year(model, entity, others) %}
    with

    unit_departments as (
        select unit_code, department_code from {{ ref('stg_ledger__units') }}
    ),

    rows_elsewhere as (
        {%- for other in others %}
        select unit_code, fiscal_year from {{ ref('stg_ledger__' ~ other) }}
        {{- '\n        union all' if not loop.last }}
        {%- endfor %}
    ),

    department_years as (
        select distinct unit_departments.department_code, rows_elsewhere.fiscal_year
        from rows_elsewhere
        inner join unit_departments on rows_elsewhere.unit_code = unit_departments.unit_code
        where rows_elsewhere.fiscal_year is not null
    ),

    entry_years as (
        select distinct unit_departments.department_code, entries.fiscal_year
        from {{ ref('stg_ledger__' ~ entity) }} as entries
        inner join unit_departments on entries.unit_code = unit_departments.unit_code
    )

    select
        department_years.department_code,
        department_years.fiscal_year,
        {{ ledger_file_label(entity) }} as source_file
    from department_years
    inner join {{ model }} as departments
        on department_years.department_code = departments.department_code
    where not exists (
        select 1
        from entry_years
        where entry_years.department_code = department_years.department_code
            and entry_years.fiscal_year = department_years.fiscal_year
    )
{% endtest %}
