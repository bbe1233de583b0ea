{#- The ledger folder given to this build: var `ledger_path`, else env JUESUAN_LEDGER_PATH; '' for
    the bundled example. -#}
{% macro ledger_path() -%}
    {{- return(var('ledger_path', env_var('JUESUAN_LEDGER_PATH', '')) | trim) -}}
{%- endmacro %}
