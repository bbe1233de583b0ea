"""The official workbook: one sheet per table, laid out as printed (xlsxwriter)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import xlsxwriter

from juesuan.publish.grids import Grid

AMOUNT_FORMAT = "#,##0.00"
FIRST_HEADER_ROW = 3


def _formats(workbook: xlsxwriter.Workbook) -> dict[str, object]:
    border = {"border": 1, "font_name": "SimSun", "font_size": 10, "valign": "vcenter"}
    return {
        "title": workbook.add_format(
            {"bold": True, "font_size": 16, "align": "center", "font_name": "SimHei"}
        ),
        "right": workbook.add_format({"align": "right", "font_name": "SimSun", "font_size": 10}),
        "left": workbook.add_format({"align": "left", "font_name": "SimSun", "font_size": 10}),
        "header": workbook.add_format({**border, "bold": True, "align": "center", "text_wrap": True}),
        "text": workbook.add_format({**border, "align": "left"}),
        "centre": workbook.add_format({**border, "align": "center"}),
        "amount": workbook.add_format({**border, "num_format": AMOUNT_FORMAT, "align": "right"}),
        "note": workbook.add_format(
            {"text_wrap": True, "valign": "top", "font_name": "SimSun", "font_size": 10}
        ),
    }


def _display_width(text: str) -> int:
    """Columns a text needs: a CJK character is two, anything else one."""
    return sum(2 if ord(character) > 0x2E7F else 1 for character in text)


def column_widths(grid: Grid) -> list[int]:
    """A width per column from its longest label (merged headers excepted), between 6 and 44."""
    widths = [10] * grid.columns
    texts = [(span.col, span.text) for span in grid.header if span.colspan == 1]
    texts += [(col, value) for line in grid.body for col, value in enumerate(line) if isinstance(value, str)]
    for col, text in texts:
        widths[col] = max(widths[col], _display_width(text) + 2)
    return [min(max(width, 6), 44) for width in widths]


def _write_span(sheet, row: int, col: int, rowspan: int, colspan: int, text: str, style) -> None:
    if rowspan > 1 or colspan > 1:
        sheet.merge_range(row, col, row + rowspan - 1, col + colspan - 1, text, style)
    else:
        sheet.write_string(row, col, text, style)


def write_sheet(workbook: xlsxwriter.Workbook, grid: Grid, department_name: str) -> None:
    formats = _formats(workbook)
    sheet = workbook.add_worksheet(grid.label)
    last = grid.columns - 1
    sheet.merge_range(0, 0, 0, last, grid.title, formats["title"])
    if grid.title not in grid.label:  # a label that is only the title again (shanghai-2024) is not repeated
        sheet.write_string(1, last, grid.label, formats["right"])
    sheet.merge_range(2, 0, 2, max(last - 1, 1), f"部门：{department_name}", formats["left"])
    sheet.write_string(2, last, "金额单位：万元", formats["right"])
    for span in grid.header:
        _write_span(
            sheet,
            FIRST_HEADER_ROW + span.row,
            span.col,
            span.rowspan,
            span.colspan,
            span.text,
            formats["header"],
        )
    first_body = FIRST_HEADER_ROW + grid.header_rows
    merged = {(span.row, span.col): span for span in grid.body_spans}
    covered = {(span.row, span.col + offset) for span in grid.body_spans for offset in range(1, span.colspan)}
    for row_index, line in enumerate(grid.body):
        for col, value in enumerate(line):
            row = first_body + row_index
            if (row_index, col) in covered:
                continue
            if (row_index, col) in merged:
                span = merged[(row_index, col)]
                _write_span(sheet, row, col, span.rowspan, span.colspan, span.text, formats["text"])
            elif isinstance(value, Decimal):
                sheet.write_number(row, col, float(value), formats["amount"])
            elif value is None:
                sheet.write_blank(row, col, None, formats["amount"])
            else:
                style = formats["centre"] if value.isdigit() and len(value) <= 2 else formats["text"]
                sheet.write_string(row, col, value, style)
    row = first_body + len(grid.body)
    for text in (grid.note, grid.empty_statement):
        if text:
            sheet.merge_range(row, 0, row, last, text, formats["note"])
            sheet.set_row(row, 30)
            row += 1
    for col, width in enumerate(column_widths(grid)):
        sheet.set_column(col, col, width)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(FIRST_HEADER_ROW, first_body - 1)


def write_workbook(path: Path, grids: list[Grid], department_name: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path))
    for grid in grids:
        write_sheet(workbook, grid, department_name)
    workbook.close()
    return path
