"""Printed cells → landing cells: the layout's keys, the amount parsed, blanks kept as NULL.

Every reader hands ``CellBuilder.add`` what it saw (table, block, row label and code, printed
column header, amount text, page, locator); this module is the one place that turns it into a
row of cells.parquet and records what does not fit the profile (unknown_row, unknown_column,
not_a_number) as read problems instead of dropping it.
"""

from __future__ import annotations

from juesuan.audit.read.document import Document, parse_amount
from juesuan.audit.read.layout import ProfileLayout, RowMatcher


class CellBuilder:
    def __init__(self, document: Document, layout: ProfileLayout | None):
        self.document = document
        self.layout = layout
        self.matchers: dict[str, RowMatcher] = {}
        self.row_orders: dict[tuple[str, tuple], int] = {}

    def row_order(self, table_no: str, row_id: tuple) -> int:
        """The printed position of a row in its table (1-based), the same for all its cells."""
        key = (table_no, row_id)
        if key not in self.row_orders:
            self.row_orders[key] = 1 + sum(1 for t, _ in self.row_orders if t == table_no)
        return self.row_orders[key]

    def add(
        self,
        *,
        table_no: str,
        block: str,
        row_label: str,
        row_code: str | None,
        header: str,
        amount_text: str | None,
        page: int | None,
        locator: str,
        row_id: tuple | None = None,
        column_block: str | None = None,
    ) -> dict:
        """One printed cell. ``row_id`` tells apart printed rows (default: block, label, code);
        ``column_block`` is the block a column header belongs to where it is not the row's (09)."""
        document = self.document
        table = self.layout.tables.get(table_no) if self.layout else None
        line_key, code = None, row_code or None
        column = None
        if table is not None:
            matcher = self.matchers.setdefault(table_no, RowMatcher(table))
            row_key = (table_no, row_id or (block, row_label, row_code))
            if row_key not in self.row_orders:
                line_key, code = matcher.match(block, row_label, row_code)
                self._row_keys = getattr(self, "_row_keys", {})
                self._row_keys[row_key] = (line_key, code)
            else:
                line_key, code = self._row_keys[row_key]
            column = table.column(header, column_block if column_block is not None else block)
            if line_key is None:
                document.problem(
                    "unknown_row",
                    f"表{table_no}的行“{row_label}”{f'（{row_code}）' if row_code else ''}不在{self.layout.profile_code}格式中",
                    page=page,
                    locator=locator,
                    value=row_label,
                )
            if column is None:
                document.problem(
                    "unknown_column",
                    f"表{table_no}的栏目“{header}”不在{self.layout.profile_code}格式中",
                    page=page,
                    locator=locator,
                    value=header,
                )
        amount, readable = parse_amount(amount_text)
        if not readable:
            document.problem(
                "not_a_number",
                f"表{table_no}“{row_label}”/“{header}”的金额“{amount_text}”不是数字",
                page=page,
                locator=locator,
                value=amount_text,
            )
        order = self.row_order(table_no, row_id or (block, row_label, row_code))
        group, label = (column.column_group, column.column_label) if column else _split_header(header)
        cell = {
            "document_id": document.document_id,
            "table_no": table_no,
            "block": block if column is None or not column.block or table_no != "09" else column.block,
            "row_order": order,
            "row_code": code,
            "line_key": line_key,
            "row_label": row_label,
            "column_order": column.column_order if column else None,
            "column_key": column.column_key if column else None,
            "column_group": group or None,
            "column_label": label,
            "amount_wan": amount,
            "amount_text": (amount_text or "").strip(),
            "page": page,
            "locator": locator,
        }
        document.cells.append(cell)
        return cell


def _split_header(header: str) -> tuple[str, str]:
    group, _, label = header.rpartition("-")
    return group, label
