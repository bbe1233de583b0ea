-- Grain: one row per fiscal year that has code lists or ledger lines (a Chinese fiscal year is
-- the calendar year).
with

code_list_years as (
    select * from {{ ref('int_code_list_years') }}
),

ledger_lines as (
    select * from {{ ref('fct_ledger_lines') }}
),

ledger_years as (
    select distinct fiscal_year from ledger_lines
),

years as (
    select fiscal_year from code_list_years
    union
    select fiscal_year from ledger_years
),

final as (
    select
        cast(years.fiscal_year as integer) as fiscal_year,
        cast(cast(years.fiscal_year as {{ text_type() }}) || '年度' as {{ text_type() }}) as fiscal_year_label,
        cast(make_date(years.fiscal_year, 1, 1) as date) as start_date,
        cast(make_date(years.fiscal_year, 12, 31) as date) as end_date,
        cast(years.fiscal_year - 1 as integer) as prior_fiscal_year,
        cast(code_list_years.fiscal_year is not null as boolean) as has_code_lists,
        cast(ledger_years.fiscal_year is not null as boolean) as has_ledger_lines
    from years
    left join code_list_years on years.fiscal_year = code_list_years.fiscal_year
    left join ledger_years on years.fiscal_year = ledger_years.fiscal_year
)

select * from final
