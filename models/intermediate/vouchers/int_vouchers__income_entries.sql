-- Grain: one row per income line of the books (role income: a 6xxx line outside the year-end
-- closing vouchers), in the contract's shape (stg_ledger__income_entries): credit − debit in 元, a
-- red-ink reversal a negative line; 收入类型 from the 科目, 资金性质 from the auxiliary item or the
-- 科目's detail (DECISIONLOG §22).
with

lines as (
    select * from {{ ref('int_vouchers__lines_classified') }}
    where line_role = 'income'
),

final as (
    select
        source_file,
        source_sheet,
        source_row,
        entry_id,
        unit_code,
        fiscal_year,
        posting_date,
        voucher_no,
        function_code,
        function_code as function_code_as_given,
        fund_source_code,
        income_type_code,
        amount_yuan,
        cast(amount_yuan as {{ text_type() }}) as amount_yuan_as_given,
        summary
    from lines
)

select * from final
