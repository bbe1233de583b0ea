-- The tables each document prints, in the order printed, with the statement under an empty one.
{{ document_file('tables', [
    ['document_id', 'varchar'], ['table_no', 'varchar'], ['printed_no', 'varchar'], ['title', 'varchar'],
    ['page', 'integer'], ['position', 'integer'], ['is_empty', 'boolean'], ['empty_statement', 'varchar'],
]) }}
