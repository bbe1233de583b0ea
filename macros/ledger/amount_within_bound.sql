{#- Fails with every row whose amount is beyond a plausibility bound: |amount| > bound (rule I28,
    one ledger amount), or, with group_by, every group whose Σ|amount| is (rule I29, the
    amounts of one scope; a bound on Σ|amount| bounds every signed sum a table can print from
    them). The bound is a project var (dbt_project.yml), named by `bound_var`, never a literal;
    the failing rows carry it as `bound_yuan`. -#}
{% test amount_within_bound(model, column_name, bound_var='amount_bound_yuan', group_by=none) %}
    {%- set bound = var(bound_var) -%}
    {%- if group_by %}
    select
        {{ group_by | join(', ') }},
        sum(abs(cast({{ column_name }} as decimal(38, 2)))) as total_absolute_yuan,
        cast({{ bound }} as decimal(38, 2)) as bound_yuan
    from {{ model }}
    group by {{ group_by | join(', ') }}
    having sum(abs(cast({{ column_name }} as decimal(38, 2)))) > {{ bound }}
    {%- else %}
    select
        *,
        cast({{ bound }} as decimal(38, 2)) as bound_yuan
    from {{ model }}
    where abs({{ column_name }}) > {{ bound }}
        {#- An amount written with 17 digits or more before the point does not fit decimal(18, 2):
            amount_from_text leaves it null, and it is beyond every bound. #}
        or ({{ column_name }} is null and {{ matches_pattern(
            'trim(' ~ column_name ~ '_as_given)', amount_text_pattern('too_many_digits')) }})
    {%- endif %}
{% endtest %}
