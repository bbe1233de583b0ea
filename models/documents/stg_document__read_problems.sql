-- What could not be read from each document, with the rule each problem breaks
-- (seeds/reference/ref_audit_read_problems.csv; a problem code the seed does not list is D09).
with

problems as (
    {{ document_file('read_problems', [
        ['document_id', text_type()], ['page', 'integer'], ['locator', text_type()], ['problem', text_type()],
        ['detail', text_type()], ['value', text_type()],
    ]) }}
),

rules as (
    select * from {{ ref('ref_audit_read_problems') }}
)

select
    coalesce(rules.rule_id, 'D09') as rule_id,
    problems.document_id,
    problems.page,
    problems.locator,
    problems.problem,
    problems.detail,
    problems.value
from problems
left join rules on problems.problem = rules.problem
