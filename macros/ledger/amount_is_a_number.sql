{#- Rule I17: an amount given in a ledger file that is not a number at all. Fails with every row
    whose `<column_name>_as_given` (the text as read) is neither empty nor a decimal number;
    amount_from_text has left `<column_name>` null for it. -#}
{% test amount_is_a_number(model, column_name) %}
    {{ config(meta={'rule_id': 'I17', 'kind': '输入', 'message': '金额不是数字'}) }}
    select *
    from {{ model }}
    where {{ column_name }} is null
        and {{ column_name }}_as_given is not null
        and not {{ matches_pattern('trim(' ~ column_name ~ '_as_given)', amount_text_pattern('number')) }}
{% endtest %}
