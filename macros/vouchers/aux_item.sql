{#- One auxiliary item (辅助核算) of a book's line: the separate column when it is filled, else the
    item read from the combined 辅助核算 text (`功能分类:2010601 行政运行;经济分类:30101 基本工资;
    资金性质:一般公共预算财政拨款;项目:P2023-01 …`). Codes are normalised like every ledger code
    (normalised_code: spaces, full-width digits). `item` is one of function, economic,
    gov_economic, fund_source, project. -#}
{% macro aux_item(column, aux_text, item) -%}
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
    coalesce(
        {{ normalised_code(column) }},
        {{ normalised_code(pattern_capture(aux_text, patterns[item])) }}
    )
{%- endmacro %}
