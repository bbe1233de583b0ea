{#- Fails with each department that has ledger rows in the `others` entities but none at all in
    `entity`: an empty or header-only income or spending file (or one that lost a department)
    beside the department's other data, which would publish tables without its income or
    spending instead of stopping. Named with the file that should have held them. Per
    department, not per year: a line of a year without a code list is rule I15's, and must not
    raise this one too. -#}
{% test has_entries_for_every_department(model, entity, others) %}
    with

    unit_departments as (
        select unit_code, department_code from {{ ref('stg_ledger__units') }}
    ),

    rows_elsewhere as (
        {%- for other in others %}
        select unit_code from {{ ref('stg_ledger__' ~ other) }}
        {{- '\n        union all' if not loop.last }}
        {%- endfor %}
    ),

    departments_with_data as (
        select distinct unit_departments.department_code
        from rows_elsewhere
        inner join unit_departments on rows_elsewhere.unit_code = unit_departments.unit_code
    ),

    departments_with_entries as (
        select distinct unit_departments.department_code
        from {{ ref('stg_ledger__' ~ entity) }} as entries
        inner join unit_departments on entries.unit_code = unit_departments.unit_code
    )

    select
        departments_with_data.department_code,
        {{ ledger_file_label(entity) }} as source_file
    from departments_with_data
    inner join {{ model }} as departments
        on departments_with_data.department_code = departments.department_code
    where departments_with_data.department_code not in (
        select department_code from departments_with_entries
    )
{% endtest %}
