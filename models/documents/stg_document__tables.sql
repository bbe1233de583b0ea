-- The tables each document prints, in the order printed, with the statement under an empty one.
{{ document_file('tables', [
    ['document_id', text_type()], ['table_no', text_type()], ['printed_no', text_type()], ['title', text_type()],
    ['page', 'integer'], ['position', 'integer'], ['is_empty', 'boolean'], ['empty_statement', text_type()],
]) }}
