{#- Which door the ledger comes in by (DECISIONLOG §22):
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

{#- Stops the build when the door dbt was given is not the door of the landed folder (the ingest
    step decides it from the files: vouchers.* means the books, DECISIONLOG §22), naming the
    file: books read as contract files would be ignored, contract lines beside the books counted
    twice or not at all (that case is rule I61 of the ingest step). -#}
{% macro voucher_door_guard() -%}
    {%- set landing = ledger_landing() -%}
    {%- if execute and landing != '' -%}
        {%- set read = ledger_file('vouchers') -%}
        {%- set landed_door = run_query("select max(door) from " ~ parquet_file(landing ~ "/files.parquet")).columns[0].values()[0] -%}
        {%- if landed_door != ledger_door() -%}
            {{ exceptions.raise_compiler_error(
                "ledger landing " ~ landing ~ " holds "
                ~ ((read.source_file ~ ": the books are read through the voucher door") if landed_door == 'vouchers'
                    else "the contract's lines files, not the books")
                ~ ". `juesuan build --ledger` chooses the door by itself; with dbt, add --vars '{ledger_door: "
                ~ landed_door ~ "}' (docs/input_contract.md, From your finance system)"
            ) }}
        {%- endif -%}
    {%- endif -%}
    {%- if ledger_door() == 'vouchers' and landing == '' and execute -%}
        {{ exceptions.raise_compiler_error("ledger_door 'vouchers' needs a ledger folder: `juesuan build --ledger <folder>`") }}
    {%- endif -%}
{%- endmacro %}
