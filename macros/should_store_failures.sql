{#- Which tests keep their failing rows (schema dbt_test__audit): the rules, whose rows
    publish_audit_findings gathers into audit.audit_findings after the build. A structural test
    (unique keys, not-null columns, accepted values, relationships) reports its count and its
    compiled query; storing its rows cost three more statements per test on every build
    (BENCHMARKS.md). Overrides dbt's macro of the same name, which the test materialization
    calls; `store_failures` in dbt_project.yml still switches storing off altogether. -#}
{% macro should_store_failures() %}
    {%- set configured = config.get('store_failures') -%}
    {%- if configured is none -%}
        {%- set configured = flags.STORE_FAILURES -%}
    {%- endif -%}
    {%- set meta = config.get('meta') or {} -%}
    {%- do return(configured and meta.get('rule_id') is not none) -%}
{% endmacro %}
