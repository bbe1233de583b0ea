-- Every text line of each document (title, table of contents, headings, table titles, notes,
-- body), for the structure checks.
{{ document_file('texts', [
    ['document_id', text_type()], ['page', 'integer'], ['line_no', 'integer'], ['kind', text_type()], ['text', text_type()],
]) }}
