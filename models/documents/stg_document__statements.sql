-- The numbers of each document's 情况说明, one row per number with its sentence, what it is
-- about (item_key, subject_code) and the comparison word that goes with it.
{{ document_file('statements', [
    ['document_id', 'varchar'], ['statement_id', 'varchar'], ['page', 'integer'], ['part', 'varchar'],
    ['sentence', 'varchar'], ['item_key', 'varchar'], ['subject_code', 'varchar'], ['subject_name', 'varchar'],
    ['value', 'decimal(18, 2)'], ['unit', 'varchar'], ['value_text', 'varchar'], ['comparison_word', 'varchar'],
]) }}
