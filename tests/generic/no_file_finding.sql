{#- Fails with every problem the ingest step found in a ledger file under `rule_id` (one row per
    problem: file, sheet, row, column, value, what is wrong): stg_ledger__file_findings. -#}
{% test no_file_finding(model, rule_id) %}
    select *
    from {{ model }}
    where rule_id = '{{ rule_id }}'
{% endtest %}
