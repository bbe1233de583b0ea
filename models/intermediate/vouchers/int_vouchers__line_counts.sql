-- Grain: one row per voucher file, unit and fiscal year: how many lines were read and what became
-- of them (used as income, spending or a balance movement; excluded as year-end closing; skipped
-- as financial accounting, 资金结存 or a transfer between 结余 accounts; unmapped, which rule I50
-- refuses; macros/vouchers/voucher_line_counts.sql). Nothing is summed from the skipped lines.
with

lines as (
    select * from {{ ref('int_vouchers__line_roles') }}
),

final as (
    select
        source_file,
        unit_code,
        fiscal_year,
        {{ voucher_line_counts() }}
    from lines
    group by source_file, unit_code, fiscal_year
)

select * from final
