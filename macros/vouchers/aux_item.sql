{#- The auxiliary items (辅助核算) of a book's line. Each item is its separate column when that is
    filled, else the item read from the combined 辅助核算 text (`功能分类:2010601 行政运行;经济分类:30101
    基本工资;资金性质:一般公共预算财政拨款;项目:P2023-01 …`). Codes are normalised like every ledger
    code (normalised_code: spaces, full-width digits). An item is one of function, economic,
    gov_economic, fund_source, project.

    Two steps, so each pattern is matched once a line (a staging model selects aux_texts in one
    CTE and aux_item over it in the next; inlined, normalised_code would repeat the match 3×):
    aux_texts(aux_text, items, only_where) is the select list of the raw captures, `aux_<item>`;
    aux_item(column, item, only_where) is the item, read from `column` and `aux_<item>`. With
    `only_where` (a condition on the line), an item is read only on the lines that meet it and is
    null on the others (the books' counted-only lines, macros/vouchers/counted_line.sql). -#}
{% macro aux_pattern(item) -%}
    {%- set start = '(?:^|[;；])[ ]*' -%}
    {%- set patterns = {
        'function': start ~ '(?:支出)?功能分类(?:科目)?[:：][ ]*([0-9０-９]+)',
        'economic': start ~ '(?:部门预算支出|部门)?经济分类(?:科目)?[:：][ ]*([0-9０-９]+)',
        'gov_economic': start ~ '政府(?:预算)?(?:支出)?经济分类(?:科目)?[:：][ ]*([0-9０-９]+)',
        'fund_source': start ~ '资金性质[:：][ ]*([^;；]+)',
        'project': start ~ '项目[:：][ ]*([^ ;；]+)',
    } -%}
    {%- if item not in patterns -%}
        {{ exceptions.raise_compiler_error(
            "aux_item: item must be one of " ~ patterns.keys() | join(', ') ~ ", not '" ~ item ~ "'"
        ) }}
    {%- endif -%}
    {{- return(patterns[item]) -}}
{%- endmacro %}

{% macro aux_texts(aux_text, items, only_where=none) -%}
    {%- for item in items -%}
        {%- set text = 'cast(' ~ aux_text ~ (' as ' ~ text_type() ~ ')') -%}
        {%- set capture = pattern_capture(text, aux_pattern(item)) -%}
        {%- if only_where is not none -%}
            {%- set capture = 'case when ' ~ only_where ~ ' then ' ~ capture ~ ' end' -%}
        {%- endif -%}
        {{ capture }} as aux_{{ item }}
        {%- if not loop.last %},
        {% endif -%}
    {%- endfor -%}
{%- endmacro %}

{% macro aux_item(column, item, only_where=none) -%}
    {%- do aux_pattern(item) -%}
    {%- if only_where is not none %}case when {{ only_where }} then {% endif -%}
    coalesce({{ normalised_code(column) }}, {{ normalised_code('aux_' ~ item) }})
    {%- if only_where is not none %} end{% endif -%}
{%- endmacro %}
