{#- The document landing an audit reads (`juesuan audit`, scripts/juesuan/audit/landing.py): var
    `document_landing`, else env JUESUAN_DOCUMENT_LANDING; '' for a build without documents (the
    document models are then empty, so the warehouse build carries them at no cost). -#}
{% macro document_landing() -%}
    {{- return((var('document_landing', env_var('JUESUAN_DOCUMENT_LANDING', '')) | trim).rstrip('/')) -}}
{%- endmacro %}

{#- One file of the landing read in place, its columns cast to the interface's types
    (`columns`: a list of [name, type]); without a landing, no rows of the same types. A landing
    without the file is not a landing: reading it stops the build naming the path. -#}
{% macro document_file(name, columns) -%}
    {%- set landing = document_landing() -%}
    {%- set selected = [] -%}
    {%- for column in columns -%}
        {%- do selected.append(
            'cast(' ~ ('null' if landing == '' else column[0]) ~ ' as ' ~ column[1] ~ ') as ' ~ column[0]) -%}
    {%- endfor -%}
    select {{ selected | join(', ') }}
    {%- if landing == '' %}
    where 1 = 0
    {%- else %}
    from {{ parquet_file(landing ~ '/' ~ name ~ '.parquet') }} as landed
    {%- endif %}
{%- endmacro %}

{#- Half a printed unit, in 元, of the amounts of `model` (meta `printed_half_unit_yuan`: 50 for
    a document printed in 万元 to two decimals), 0 for the warehouse's exact 元 models. The
    identity tests (tests/generic) add it per rounded part, so one definition of each identity is
    exact on the warehouse and within rounding on a published document (DECISIONLOG §23). -#}
{% macro printed_half_unit(model) -%}
    {%- if not execute -%}{{ return(0) }}{%- endif -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and (node.alias or node.name) == model.identifier -%}
        {{- return(node.config.meta.get('printed_half_unit_yuan', 0)) -}}
    {%- endfor -%}
    {{- return(0) -}}
{%- endmacro %}

{#- The allowance for comparing two sums of printed amounts of `parts` cells in all (a SQL
    expression): half a unit per part (XBRL Calculations 1.1: a total against n rounded parts may
    differ by half a unit × (n + 1)), but none when the two sides are one cell each: the same
    quantity rounded the same way prints the same (a 0.01 drift between two tables is a fault). -#}
{% macro printed_allowance(half_unit, parts) -%}
    {%- if half_unit == 0 -%}0{%- else -%}
        (case when {{ parts }} <= 2 then 0 else {{ half_unit }} * ({{ parts }}) end)
    {%- endif -%}
{%- endmacro %}
