-- Every text line of each document (title, table of contents, headings, table titles, notes,
-- body), for the structure checks.
{{ document_file('texts', [
    ['document_id', 'varchar'], ['page', 'integer'], ['line_no', 'integer'], ['kind', 'varchar'], ['text', 'varchar'],
]) }}
