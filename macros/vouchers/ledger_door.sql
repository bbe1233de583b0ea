{#- Which door the ledger comes in by (DECISIONLOG §20):
    'contract': the seven contract files (income_entries, expenditure_entries, balance_entries,
      budget_lines, projects, units, departments), or without a ledger folder the bundled
      example's seeds: as before issue 13;
    'vouchers': the books as a finance system exports them: vouchers, trial_balance and
      budget_targets, beside departments, units and projects. The four contract flow models are
      then disabled (dbt_project.yml) and their lines are derived from the books
      (models/intermediate/vouchers/).
    The var `ledger_door` (else env JUESUAN_LEDGER_DOOR, else 'contract') chooses, because dbt
    decides which models exist when it parses the project, before any file can be looked at;
    `juesuan build --ledger` sets it by looking into the folder (juesuan.vouchers.ledger_door),
    and at compile time voucher_door_guard stops a build whose folder says otherwise. -#}
{% macro ledger_door() -%}
    {%- set door = var('ledger_door', env_var('JUESUAN_LEDGER_DOOR', 'contract')) | trim -%}
    {%- if door not in ['contract', 'vouchers'] and execute -%}
        {{ exceptions.raise_compiler_error("ledger_door must be 'contract' or 'vouchers', not '" ~ door ~ "'") }}
    {%- endif -%}
    {{- return(door) -}}
{%- endmacro %}

{#- The files of a ledger folder named <entity>.<anything>, found at compile time (DuckDB glob). -#}
{% macro ledger_files_named(entity) -%}
    {%- set path = ledger_path().rstrip('/') -%}
    {%- if path == '' or not execute -%}
        {{- return([]) -}}
    {%- endif -%}
    {{- return(run_query("select file from glob('" ~ path ~ "/" ~ entity ~ ".*') order by file").columns[0].values() | list) -}}
{%- endmacro %}

{#- Stops the build when the folder and the door disagree, naming the files: books beside a
    build that reads the contract files would be ignored silently, and contract lines beside
    books would be counted twice or not at all. -#}
{% macro voucher_door_guard() -%}
    {%- if execute and ledger_path() != '' -%}
        {%- set books = ledger_files_named('vouchers') -%}
        {%- if ledger_door() == 'contract' and books -%}
            {{ exceptions.raise_compiler_error(
                "ledger folder " ~ ledger_path() ~ " holds " ~ books | join(', ')
                ~ ": the books are read through the voucher door. `juesuan build --ledger` chooses it by itself;"
                ~ " with dbt, add --vars '{ledger_door: vouchers}' (docs/input_contract.md, From your finance system)"
            ) }}
        {%- endif -%}
        {%- if ledger_door() == 'vouchers' -%}
            {%- set contract_files = [] -%}
            {%- for entity in ['income_entries', 'expenditure_entries', 'balance_entries', 'budget_lines'] -%}
                {%- do contract_files.extend(ledger_files_named(entity)) -%}
            {%- endfor -%}
            {%- if contract_files -%}
                {{ exceptions.raise_compiler_error(
                    "ledger folder " ~ ledger_path() ~ " holds the books (vouchers) and also " ~ contract_files | join(', ')
                    ~ ": a folder is read through one door; move the contract files or the books out"
                ) }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    {%- if ledger_door() == 'vouchers' and ledger_path() == '' and execute -%}
        {{ exceptions.raise_compiler_error("ledger_door 'vouchers' needs a ledger folder (var ledger_path or env JUESUAN_LEDGER_PATH)") }}
    {%- endif -%}
{%- endmacro %}

{#- Where a book's staging model reads from: through the voucher door, the file, by
    ledger_relation like every ledger file; through the contract door, no row, typed as the
    source declares, so the voucher models exist (empty) in every build and the union models
    (int_ledger__*) read both doors the same way. -#}
{% macro book_relation(entity) -%}
    {%- set declared = source('ledger', entity) -%}
    {%- if ledger_door() == 'vouchers' -%}
        {{ ledger_relation(entity) }}
    {%- else -%}
        {%- set columns = graph.sources['source.juesuan.ledger.' ~ entity].columns.keys() | list if execute else ['none'] -%}
        (select
            {%- for column in columns %}
            cast(null as varchar) as {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        where 1 = 0)
    {%- endif -%}
{%- endmacro %}

{#- The file a book's row came from, as findings name it. -#}
{% macro book_file_label(entity) -%}
    {%- if ledger_door() == 'vouchers' -%}
        {{ ledger_file_label(entity) }}
    {%- else -%}
        cast(null as varchar)
    {%- endif -%}
{%- endmacro %}

{#- A book's amount column: read by amount_from_text through the voucher door (rules I17, I18
    name what it cannot read); no row to read otherwise. -#}
{% macro book_amount(column, entity) -%}
    {%- if ledger_door() == 'vouchers' -%}
        {{ amount_from_text(column, entity) }}
    {%- else -%}
        cast(null as decimal(18, 2))
    {%- endif -%}
{%- endmacro %}
