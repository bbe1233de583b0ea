-- Grain: one row per voucher line of the books (same rows as stg_ledger__vouchers), with its role:
-- a classified line's from int_vouchers__lines_classified, a counted-only line's (financial
-- accounting 1xxx-5xxx, 资金结存 8001: macros/vouchers/counted_line.sql) from its code. A view: it
-- is counted (int_vouchers__line_counts, the summary a build prints) and checked to hold every
-- line (C02), and no line is copied for it.
{{ config(materialized='view') }}
{{ voucher_line_roles(ref('int_vouchers__lines_classified'), ref('stg_ledger__vouchers')) }}
