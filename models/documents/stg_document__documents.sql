-- The documents of the landing (`juesuan audit`): one row per published document read.
{{ document_file('documents', [
    ['document_id', text_type()], ['source_file', text_type()], ['kind', text_type()],
    ['profile_code', text_type()], ['profile_detected', 'boolean'], ['department_name', text_type()],
    ['fiscal_year', 'integer'], ['page_count', 'integer'],
]) }}
