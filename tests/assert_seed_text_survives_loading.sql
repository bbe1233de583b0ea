-- The seed fixture_seed_text as written in its CSV, on every target: each row that differs
-- (null for an empty cell, the quote and backslashes kept, the amount to the 分), and each row
-- missing or extra. chr(39) is ', chr(92) is \ (no engine-specific escapes in the expectation).
{{ config(tags=['fixture']) }}

with expected as (
    select
        'empty' as case_name,
        cast(null as {{ text_type() }}) as text_value,
        cast(null as decimal(18, 2)) as amount_yuan
    union all
    select
        'apostrophe' as case_name,
        'O' || chr(39) || 'Brien 的单位' as text_value,
        cast('1234567890123456.78' as decimal(18, 2)) as amount_yuan
    union all
    select
        'backslash' as case_name,
        'C:' || chr(92) || '账套' || chr(92) || '2024' as text_value,
        cast('0.10' as decimal(18, 2)) as amount_yuan
)

select
    coalesce(expected.case_name, loaded.case_name) as case_name,
    expected.text_value as expected_text,
    loaded.text_value as loaded_text,
    expected.amount_yuan as expected_amount,
    loaded.amount_yuan as loaded_amount
from expected
full outer join {{ ref('fixture_seed_text') }} as loaded
    on expected.case_name = loaded.case_name
where expected.case_name is null
    or loaded.case_name is null
    or expected.text_value is distinct from loaded.text_value
    or expected.amount_yuan is distinct from loaded.amount_yuan
