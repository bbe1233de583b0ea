-- Grain: one row per voucher line of the books that is classified (every line of
-- stg_ledger__vouchers but the counted-only ones: financial accounting 1xxx-5xxx and 资金结存 8001,
-- recognised by their code, macros/vouchers/counted_line.sql; int_vouchers__line_roles holds
-- every line with its role), with its role: income (6xxx, credit − debit), expenditure (7xxx,
-- debit − credit), use_of_surplus / surplus_distribution (8202, 8301 / 8701 against 资金结存,
-- debit − credit), or skipped: a line of a year-end closing voucher (本年收支结转: 6xxx/7xxx closed
-- into 8xxx), a transfer between 结余 accounts; or unmapped (I50). Left joins keep every line; the
-- tests below name each line that cannot be classified.
with

lines as (
    select * from {{ ref('stg_ledger__vouchers') }}
    where not coalesce(is_counted_line, false)
),

units as (
    select * from {{ ref('int_units_with_departments') }}
),

mappings as (
    select * from {{ ref('int_vouchers__account_mappings') }}
),

fund_sources as (
    select * from {{ ref('stg_reference__fund_sources') }}
),

-- 人员经费 or 公用经费 of a 基本支出 line, by its economic 类 (the 公开06表 layout, as I08 checks).
basic_components_by_class as (
    select * from {{ ref('stg_reference__layout_t06') }}
    where row_kind = 'class'
),

vouchers as (
    select * from {{ ref('int_vouchers__vouchers') }}
),

joined as (
    select
        lines.*,
        units.department_code,
        vouchers.is_closing_voucher,
        vouchers.has_fund_balance_line,
        mappings.mapped_account_code,
        mappings.is_department_overlay,
        mappings.voucher_flow,
        mappings.income_type_code,
        mappings.spending_group,
        mappings.fund_class,
        coalesce(
            mappings.spending_type_code,
            case
                when mappings.spending_group = 'basic' and basic_components_by_class.block = '人员经费'
                    then 'basic_personnel'
                when mappings.spending_group = 'basic' and basic_components_by_class.block = '公用经费'
                    then 'basic_public'
            end
        ) as spending_type_code,
        case
            when lines.fund_source_as_given is null then mappings.fund_source_code
            else coalesce(funds_by_code.fund_source_code, funds_by_name.fund_source_code)
        end as fund_source_code,
        mappings.fund_source_code as account_fund_source_code
    from lines
    left join units on lines.unit_code = units.unit_code
    left join vouchers
        on lines.source_file = vouchers.source_file
        and lines.unit_code = vouchers.unit_code
        and lines.fiscal_year = vouchers.fiscal_year
        and lines.voucher_no = vouchers.voucher_no
    left join mappings
        on lines.account_code = mappings.account_code
        and coalesce(units.department_code, '') = coalesce(mappings.department_code, '')
    left join fund_sources as funds_by_code on lines.fund_source_as_given = funds_by_code.fund_source_code
    left join fund_sources as funds_by_name on lines.fund_source_as_given = funds_by_name.fund_source_name
    -- The default profile's 06 (an economic 类 is 人员经费 or 公用经费 alike in every profile's
    -- 06; the layout seeds hold one row per profile, so one profile is read, or a line would
    -- count once per profile).
    left join basic_components_by_class
        on basic_components_by_class.profile_code = {{ default_profile_code() }}
        and {{ code_at_level('lines.economic_code', 'class') }} = basic_components_by_class.row_code
        and {{ valid_for_year('basic_components_by_class', 'lines.fiscal_year') }}
),

final as (
    select
        joined.*,
        fund_sources.is_appropriation as fund_is_appropriation,
        case
            when joined.mapped_account_code is null then 'unmapped'
            when joined.is_closing_voucher then 'closing'
            when
                joined.voucher_flow in ('use_of_surplus', 'surplus_distribution')
                and not joined.has_fund_balance_line
                then 'balance_transfer'
            when joined.voucher_flow = 'skipped' then 'balance_transfer'
            else joined.voucher_flow
        end as line_role,
        cast(case
            when joined.voucher_flow = 'income'
                then coalesce(joined.credit_yuan, 0) - coalesce(joined.debit_yuan, 0)
            else coalesce(joined.debit_yuan, 0) - coalesce(joined.credit_yuan, 0)
        end as decimal(18, 2)) as amount_yuan
    from joined
    left join fund_sources on joined.fund_source_code = fund_sources.fund_source_code
)

select * from final
