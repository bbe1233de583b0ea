-- Grain: one row per department and 科目 code found in the books (vouchers and trial balance;
-- not the vouchers' counted-only lines, 1xxx-5xxx and 8001: macros/vouchers/counted_line.sql),
-- with the mapping that applies to it: the longest mapped prefix of the code, a department's own
-- overlay row (ref_budget_account_overlays) before the common one (ref_budget_account_mappings)
-- at the same length. A code no row maps has no row here; the lines keep it (rule I50).
with

book_accounts as (
    select distinct
        units.department_code,
        vouchers.account_code
    from {{ ref('stg_ledger__vouchers') }} as vouchers
    left join {{ ref('int_units_with_departments') }} as units on vouchers.unit_code = units.unit_code
    where not vouchers.is_counted_line
    union
    select distinct
        units.department_code,
        balances.account_code
    from {{ ref('stg_ledger__trial_balance') }} as balances
    left join {{ ref('int_units_with_departments') }} as units on balances.unit_code = units.unit_code
),

mappings as (
    select * from {{ ref('stg_reference__budget_account_mappings') }}
),

candidates as (
    select
        book_accounts.department_code,
        book_accounts.account_code,
        mappings.account_code as mapped_account_code,
        mappings.account_name as mapped_account_name,
        mappings.is_department_overlay,
        mappings.voucher_flow,
        mappings.opening_flow,
        mappings.income_type_code,
        mappings.spending_group,
        mappings.spending_type_code,
        mappings.fund_class,
        mappings.fund_source_code,
        mappings.basis,
        row_number() over (
            partition by book_accounts.department_code, book_accounts.account_code
            order by length(mappings.account_code) desc, mappings.is_department_overlay desc
        ) as preference
    from book_accounts
    inner join mappings
        on left(book_accounts.account_code, length(mappings.account_code)) = mappings.account_code
        and (mappings.department_code is null or mappings.department_code = book_accounts.department_code)
),

final as (
    select
        department_code,
        account_code,
        mapped_account_code,
        mapped_account_name,
        is_department_overlay,
        voucher_flow,
        opening_flow,
        income_type_code,
        spending_group,
        spending_type_code,
        fund_class,
        fund_source_code,
        basis
    from candidates
    where preference = 1
)

select * from final
