-- The numbers of each document's 情况说明, one row per number with its sentence, what it is
-- about (item_key, subject_code) and the comparison word that goes with it.
{{ document_file('statements', [
    ['document_id', text_type()], ['statement_id', text_type()], ['page', 'integer'], ['part', text_type()],
    ['sentence', text_type()], ['item_key', text_type()], ['subject_code', text_type()], ['subject_name', text_type()],
    ['value', 'decimal(18, 2)'], ['unit', text_type()], ['value_text', text_type()], ['comparison_word', text_type()],
]) }}
