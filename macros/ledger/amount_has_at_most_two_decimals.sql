{#- Rule I18: an amount given in a ledger file that is a number, but with more than two decimals
    (元 go down to the 分). amount_from_text has left `<column_name>` null for it rather than
    rounding it. -#}
{% test amount_has_at_most_two_decimals(model, column_name) %}
    {{ config(meta={'rule_id': 'I18', 'kind': '输入', 'message': '金额超过两位小数（元以下只到分）'}) }}
    select *
    from {{ model }}
    where {{ column_name }} is null
        and {{ column_name }}_as_given is not null
        and {{ matches_pattern('trim(' ~ column_name ~ '_as_given)', amount_text_pattern('too_many_decimals')) }}
{% endtest %}
