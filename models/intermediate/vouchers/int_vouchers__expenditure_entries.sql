-- Grain: one row per spending line of the books (role expenditure: a 7xxx line outside the
-- year-end closing vouchers), in the contract's shape (stg_ledger__expenditure_entries): debit −
-- credit in 元; 支出类型 from the 科目's detail (基本支出 split into 人员经费 / 公用经费 by the
-- economic 类, as 公开06表 does), 资金性质 from the auxiliary item (DECISIONLOG §22).
with

lines as (
    select * from {{ ref('int_vouchers__lines_classified') }}
    where line_role = 'expenditure'
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
        economic_code,
        economic_code as economic_code_as_given,
        fund_source_code,
        spending_type_code,
        project_code,
        amount_yuan,
        cast(amount_yuan as {{ text_type() }}) as amount_yuan_as_given,
        summary
    from lines
)

select * from final
