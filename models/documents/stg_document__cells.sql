-- Every cell printed in the documents' nine tables, keyed as rpt_disclosure_cells (table_no by
-- content, line_key, column_key), in 万元 as printed: NULL where the cell is printed blank.
{{ document_file('cells', [
    ['document_id', text_type()], ['table_no', text_type()], ['block', text_type()], ['row_order', 'integer'],
    ['row_code', text_type()], ['line_key', text_type()], ['row_label', text_type()], ['column_order', 'integer'],
    ['column_key', text_type()], ['column_group', text_type()], ['column_label', text_type()],
    ['amount_wan', 'decimal(18, 2)'], ['amount_text', text_type()], ['page', 'integer'], ['locator', text_type()],
]) }}
