-- Grain: one row per voucher of the books (file, unit, fiscal year, 凭证号), with what its lines
-- touch and whether it is a year-end closing voucher (本年收支结转): it has 6xxx/7xxx lines and a
-- line on an 8xxx 结余 account other than 8001 资金结存 (or a 摘要 matching the var
-- closing_voucher_summary_pattern). Read from staging, so the closing reconciliation (I58) is
-- checked even when some lines cannot be classified. Only the lines a flag looks at are read
-- (6xxx-8xxx and lines without a 科目 code; every line when a 摘要 pattern is set): a voucher of
-- financial-accounting lines alone has no row, and no line that is classified belongs to it.
with

lines as (
    select * from {{ ref('stg_ledger__vouchers') }}
    {%- if not var('closing_voucher_summary_pattern', '') %}
        where coalesce(left(account_code, 1) not between '1' and '5', true)
    {%- endif %}
),

flags as (
    select
        source_file,
        unit_code,
        fiscal_year,
        voucher_no,
        {{ closing_summary_flag('summary') }} as has_closing_summary,
        bool_or(left(account_code, 1) in ('6', '7')) as has_flow_line,
        bool_or(left(account_code, 1) = '8' and left(account_code, 4) <> '8001') as has_balance_line,
        bool_or(left(account_code, 4) = '8001') as has_fund_balance_line
    from lines
    group by source_file, unit_code, fiscal_year, voucher_no
),

final as (
    select
        *,
        has_flow_line and (has_balance_line or has_closing_summary) as is_closing_voucher
    from flags
)

select * from final
