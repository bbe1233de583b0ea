-- The documents of the landing (`juesuan audit`): one row per published document read.
{{ document_file('documents', [
    ['document_id', 'varchar'], ['source_file', 'varchar'], ['kind', 'varchar'],
    ['profile_code', 'varchar'], ['profile_detected', 'boolean'], ['department_name', 'varchar'],
    ['fiscal_year', 'integer'], ['page_count', 'integer'],
]) }}
