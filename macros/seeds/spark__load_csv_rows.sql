-- noqa: disable=LT02,LT05
-- (sqlfluff lays out SQL; this file is Jinja that writes SQL, indented as Jinja.)
{#- dbt-spark's seed loader, replaced for the project (dbt takes the root project's spark__
    macro first). Its session cursor pastes every value into the SQL as '<value>': an empty cell
    becomes the text 'None' instead of null, a quote in a cell ends the literal (O'Brien breaks
    the insert), and a number passes through a float (a large amount in 元 loses its 分). Here
    each cell is written as a literal: empty is null, text is quoted with backslash escapes
    (Spark's string literals take \' and \\, not ''), numbers keep their digits. Proved by
    tests/assert_seed_text_survives_loading.sql on every target. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do types.append(column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    cast({{ spark_seed_literal(value) }} as {{ types[loop.index0] }})
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%}){%- if not loop.last %},{% endif %}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}{%- do statements.append(sql) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}

{#- One CSV cell as a Spark SQL literal (the cast beside it gives the column's type). -#}
{% macro spark_seed_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- else -%}
        '{{ (value | string).replace('\\', '\\\\').replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}
