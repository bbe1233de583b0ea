{#- The ledger entities the bundled example has a seed for (seeds/example/example_<entity>.csv):
    the contract's seven. The books (vouchers, trial_balance, budget_targets) have none: the
    example's books are written by `juesuan vouchers`, and without a ledger folder they are read
    as no rows. Known when dbt parses, before any graph can be looked at. -#}
{% macro example_ledger_entities() -%}
    {{ return([
        'departments', 'units', 'income_entries', 'expenditure_entries',
        'balance_entries', 'budget_lines', 'projects']) }}
{%- endmacro %}
