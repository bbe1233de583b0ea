{#- on-run-end: collect the stored failing rows of every failed or warned rule into one table,
    audit.audit_findings, and print a short summary. A rule is a data test with meta.rule_id;
    its kind, message and table come from meta, its severity from the test config. Columns a
    failing row does not have (e.g. expected/actual on a not_null test) are null; the whole row
    is kept as JSON in `detail`. A rule on a published document (`juesuan audit`: a test on a
    model of models/documents/) names the document (its cells' department_code), the page, the
    cells (locator) or the sentence. -#}
{% macro publish_audit_findings(results) %}
    {%- if not execute or flags.WHICH not in ('build', 'test') %}{{ return('') }}{% endif -%}
    {%- set selects = [] -%}
    {%- set counts = {} -%}
    {%- for result in results
        if result.node.resource_type == 'test'
        and result.status in ('fail', 'warn')
        and result.node.config.meta.get('rule_id') -%}
        {%- set relation = api.Relation.create(
            database=result.node.database, schema=result.node.schema, identifier=result.node.alias) -%}
        {%- do selects.append(audit_findings_select(result, relation)) -%}
        {%- set meta = result.node.config.meta -%}
        {%- set seen = counts.get(meta.rule_id, {'failures': 0}) -%}
        {%- do counts.update({meta.rule_id: {
            'failures': seen.failures + result.failures,
            'severity': result.node.config.severity | lower,
            'message': meta.get('message', ''),
            'column': (result.node.test_metadata.kwargs.get('column_name') if result.node.test_metadata else none)
                or seen.get('column'),
            'group_by': (result.node.test_metadata.kwargs.get('group_by') if result.node.test_metadata else none)
                or seen.get('group_by')}}) -%}
    {%- endfor -%}
    {%- set body = selects | join('\nunion all\n') if selects else audit_findings_empty() -%}
    {#- Two calls: some engines (Spark) take one statement per call. -#}
    {%- do run_query('create schema if not exists audit') -%}
    {%- call statement('publish_audit_findings', auto_begin=True) -%}
        {{ replace_table_as('audit.audit_findings', body) }}
    {%- endcall -%}
    {#- dbt rolls the hook connection back when it closes: commit the table first. -#}
    {%- do adapter.commit() -%}
    {%- set unfinished = results | selectattr('status', 'in', ['error', 'runtime error', 'skipped']) | list -%}
    {%- set structural = results
        | selectattr('node.resource_type', 'equalto', 'test')
        | selectattr('status', 'equalto', 'fail')
        | rejectattr('node.config.meta.rule_id', 'defined') | list -%}
    {{ print_audit_summary(counts, unfinished | length + structural | length) }}
{% endmacro %}

{% macro audit_findings_select(result, relation) -%}
    {%- set meta = result.node.config.meta -%}
    {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
    {%- set on_document = [] -%}
    {%- for node_id in result.node.depends_on.nodes if node_id.startswith('model.') and (
        node_id.split('.')[-1].startswith('doc_') or node_id.split('.')[-1].startswith('stg_document__')) -%}
        {%- do on_document.append(node_id) -%}
    {%- endfor -%}
    {%- set optional = {
        'department_code': text_type(), 'unit_code': text_type(), 'fiscal_year': 'integer',
        'source_file': text_type(), 'source_sheet': text_type(), 'source_row': 'bigint', 'entry_id': text_type(),
        'expected': 'decimal(38, 2)', 'actual': 'decimal(38, 2)', 'difference': 'decimal(38, 2)',
        'document_id': text_type(), 'page': 'integer', 'locator': text_type(), 'sentence': text_type()} -%}
    select
        '{{ meta.rule_id }}' as rule_id,
        '{{ meta.get('kind', '') }}' as kind,
        '{{ result.node.config.severity | lower }}' as severity,
        '{{ meta.get('table_no', '') }}' as table_no,
        '{{ meta.get('message', '') | replace("'", "''") }}' as message,
        '{{ result.node.name }}' as test_name,
        {% for column, type in optional.items() -%}
        {% if column in columns %}cast(failing.{{ column }} as {{ type }})
        {%- elif column == 'entry_id' and 'budget_line_id' in columns %}cast(failing.budget_line_id as {{ text_type() }})
        {%- elif column == 'document_id' and on_document and 'department_code' in columns %}cast(failing.department_code as {{ text_type() }})
        {%- else %}cast(null as {{ type }}){% endif %} as {{ column }},
        {% endfor -%}
        cast({{ row_as_json('failing') }} as {{ text_type() }}) as detail
    from {{ relation }} as failing
{%- endmacro %}

{% macro audit_findings_empty() -%}
    select
        cast(null as {{ text_type() }}) as rule_id, cast(null as {{ text_type() }}) as kind, cast(null as {{ text_type() }}) as severity,
        cast(null as {{ text_type() }}) as table_no, cast(null as {{ text_type() }}) as message, cast(null as {{ text_type() }}) as test_name,
        cast(null as {{ text_type() }}) as department_code, cast(null as {{ text_type() }}) as unit_code,
        cast(null as integer) as fiscal_year, cast(null as {{ text_type() }}) as source_file,
        cast(null as {{ text_type() }}) as source_sheet, cast(null as bigint) as source_row,
        cast(null as {{ text_type() }}) as entry_id, cast(null as decimal(38, 2)) as expected,
        cast(null as decimal(38, 2)) as actual, cast(null as decimal(38, 2)) as difference,
        cast(null as {{ text_type() }}) as document_id, cast(null as integer) as page,
        cast(null as {{ text_type() }}) as locator, cast(null as {{ text_type() }}) as sentence,
        cast(null as {{ text_type() }}) as detail
    where false
{%- endmacro %}

{#- The summary after every build: each failing rule with its count and up to five of its
    findings (file and entry, or scope and difference; the row as given), then the query for the
    rest. 审核通过 only when every node ran and nothing failed: a build that stopped on an error
    says so instead, even when no rule failed among the nodes that ran. -#}
{% macro print_audit_summary(counts, unfinished=0) -%}
    {%- if counts -%}
        {%- do log('审核发现 audit findings (' ~ counts | length ~ ' rules; query audit.audit_findings):', info=True) -%}
        {%- for rule_id, rule in counts | dictsort -%}
            {%- do log('  ' ~ rule_id ~ ' [' ~ rule.severity ~ '] ' ~ rule.message ~ ': ' ~ rule.failures ~ ' 处', info=True) -%}
            {%- set shown = run_query(
                "select source_file, source_sheet, source_row, entry_id, department_code, unit_code, fiscal_year,"
                ~ " expected, actual, difference, detail from audit.audit_findings where rule_id = '" ~ rule_id ~ "'"
                ~ " order by source_file, source_sheet, source_row, entry_id, department_code, unit_code, fiscal_year limit 5"
            ) -%}
            {%- for row in shown.rows -%}
                {#- A rule on a group of a file's rows (I59: one voucher's lines, grouped by file, unit,
                    year and voucher) has no row and no entry: it is named by its group's values. A
                    file finding (a header-only file) has no group and is named by the file alone. -#}
                {%- set group = [] -%}
                {%- if row['source_file'] and row['source_row'] is none and not row['entry_id'] and rule.group_by -%}
                    {%- set detail = fromjson(row['detail'] or '{}') or {} -%}
                    {%- for key in rule.group_by if key not in ('source_file', 'source_sheet') and detail.get(key) is not none -%}
                        {%- do group.append(detail[key] | string) -%}
                    {%- endfor -%}
                {%- endif -%}
                {%- set where = [
                    row['source_file'] ~ ((' [' ~ row['source_sheet'] ~ ']') if row['source_sheet'] else ''),
                    ('第' ~ row['source_row'] ~ '行') if row['source_row'] is not none else none,
                    row['entry_id'] or (group | join(' ')) or none] if row['source_file'] else
                    [row['department_code'], row['unit_code'] or '(部门)', row['fiscal_year']] -%}
                {%- if row['difference'] is not none -%}
                    {%- set what = 'expected ' ~ row['expected'] ~ ', actual ' ~ row['actual'] ~ ', difference ' ~ row['difference'] -%}
                {%- else -%}
                    {#- The row as given, the values as written first (amount_yuan_as_given …), without
                        what the line already says (file, entry). -#}
                    {%- set detail = fromjson(row['detail'] or '{}') or {} -%}
                    {%- set said = ['source_file', 'source_sheet', 'source_row', 'entry_id', 'budget_line_id', 'rule_id'] -%}
                    {%- set given = [] -%}
                    {%- set rest = [] -%}
                    {%- for key, value in detail.items() if key not in said and value is not none -%}
                        {%- do (given if key.endswith('_as_given') else rest).append(key ~ '=' ~ value) -%}
                    {%- endfor -%}
                    {#- The value the rule is about first (amount_yuan_as_given for I17 on amount_yuan). -#}
                    {%- if rule.column -%}
                        {%- set first = [] -%}
                        {%- set others = [] -%}
                        {%- for part in given -%}
                            {%- do (first if part.startswith(rule.column ~ '_as_given=') else others).append(part) -%}
                        {%- endfor -%}
                        {%- set given = first + others -%}
                    {%- endif -%}
                    {%- set parts = given + rest -%}
                    {%- set what = parts | join(', ') -%}
                    {%- if detail.get('problem') -%}
                        {#- A file finding says what is wrong in words, then the value as given. -#}
                        {%- set what = detail['problem'] ~ ((': ' ~ detail['value_as_given']) if detail.get('value_as_given') else '') -%}
                    {%- endif -%}
                {%- endif -%}
                {%- do log('      ' ~ where | reject('none') | join(' ') ~ ': ' ~ (what[:200] ~ ('…' if what | length > 200 else '')), info=True) -%}
            {%- endfor -%}
            {%- if rule.failures > 5 -%}
                {%- do log("      … " ~ (rule.failures - 5) ~ " more: select * from audit.audit_findings where rule_id = '" ~ rule_id ~ "'", info=True) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if unfinished -%}
        {%- do log('审核未完成 audit incomplete: ' ~ unfinished ~ ' node(s) failed or were skipped (see the errors above); the tables were not all built and checked', info=True) -%}
    {%- elif not counts -%}
        {%- do log('审核通过 audit: no rule failed (audit.audit_findings is empty)', info=True) -%}
    {%- endif -%}
{%- endmacro %}
