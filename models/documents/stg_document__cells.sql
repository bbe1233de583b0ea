-- Every cell printed in the documents' nine tables, keyed as rpt_disclosure_cells (table_no by
-- content, line_key, column_key), in 万元 as printed: NULL where the cell is printed blank.
{{ document_file('cells', [
    ['document_id', 'varchar'], ['table_no', 'varchar'], ['block', 'varchar'], ['row_order', 'integer'],
    ['row_code', 'varchar'], ['line_key', 'varchar'], ['row_label', 'varchar'], ['column_order', 'integer'],
    ['column_key', 'varchar'], ['column_group', 'varchar'], ['column_label', 'varchar'],
    ['amount_wan', 'decimal(18, 2)'], ['amount_text', 'varchar'], ['page', 'integer'], ['locator', 'varchar'],
]) }}
