{#- The file a ledger row came from, as findings name it. -#}
{% macro ledger_file_label(entity) -%}
    {%- set path = ledger_path() -%}
    {%- if path == '' -%}
        'seeds/example/example_{{ entity }}.csv'
    {%- else -%}
        '{{ ledger_found_file(entity, path.rstrip("/")) }}'
    {%- endif -%}
{%- endmacro %}
