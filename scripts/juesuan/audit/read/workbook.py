"""A disclosure workbook (.xlsx) in a known profile's layout: the project's own (publish/excel.py:
one sheet per table, title in row 1, 部门/金额单位 row, merged header cells, 栏次 row in
central-2023, notes under the table) or a department's own in the same layout.

Each sheet: its title (the first rows above the header) names the table by content; the header
rows are those between the 单位 row and the first data row, a merged header cell naming every
column it spans; the body goes through grid.py like a PDF table. Numbers are read as the cell's
value to two decimals (the sheets print #,##0.00), an empty cell is blank (NULL), a 0 is 0.00.
Locators are ``Sheet!C12``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from juesuan.audit.read import textlines
from juesuan.audit.read.cells import CellBuilder
from juesuan.audit.read.document import Document, document_id
from juesuan.audit.read.grid import (
    COVERED,
    Grid,
    is_column_numbers,
    is_data_row,
    is_note_row,
    land_grid,
    split_code_headers,
    title_of,
)
from juesuan.audit.read.layout import profile_layout
from juesuan.audit.read.profile import detect_from_titles


def _text(value) -> str | None:
    """A cell as printed: numbers to two decimals with separators (the sheets' format)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return f"{Decimal(str(value)):,.2f}"
    return str(value)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _sheet_rows(sheet) -> tuple[list[list], dict[tuple[int, int], tuple[int, int, int, int]]]:
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    merged = {}
    for cell_range in sheet.merged_cells.ranges:
        box = (cell_range.min_row - 1, cell_range.min_col - 1, cell_range.max_row - 1, cell_range.max_col - 1)
        for r in range(box[0], box[2] + 1):
            for c in range(box[1], box[3] + 1):
                merged[(r, c)] = box
    return rows, merged


def read(path: Path, profile: str | None = None) -> Document:
    import openpyxl

    document = Document(document_id(path), str(path), "workbook")
    workbook = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        rows, merged = _sheet_rows(sheet)
        sheets.append((sheet.title, rows, merged))
    lines = []
    for title, rows, _ in sheets:
        lines.append((None, title))
        for row in rows[:3]:
            lines.extend((None, str(value)) for value in row if value is not None and str(value).strip())
    department = next(
        (re.sub(r"^部门[:：]", "", text) for _, text in lines if re.match(r"^部门[:：]", text)), None
    )
    document.department_name = department or None
    year = next((re.search(r"(20\d\d)年", text) for _, text in lines if re.search(r"(20\d\d)年", text)), None)
    document.fiscal_year = int(year.group(1)) if year else _year_from_path(path)
    document.profile_code = profile or detect_from_titles([text for _, text in lines], document.fiscal_year)
    document.profile_detected = profile is None and document.profile_code is not None
    textlines.land_texts(document, lines, None)
    if document.profile_code is None:
        document.problem("unknown_profile", "无法从工作表标题和顺序判断公开格式", locator=path.name)
        return document
    layout = profile_layout(document.profile_code, document.fiscal_year)
    builder = CellBuilder(document, layout)
    seen = set()
    for position, (name, rows, merged) in enumerate(sheets, start=1):
        header_lines = [str(value) for row in rows[:3] for value in row if value is not None]
        table_no, printed_no, title = title_of([name, *header_lines], layout)
        if table_no is None:
            document.problem(
                "unknown_table", f"工作表“{name}”不是{layout.profile_code}格式的表", locator=f"{name}!A1"
            )
            continue
        document.note_table(seen, table_no, locator=f"{name}!A1")
        grid = _grid(name, rows, merged)
        statement = next(
            (
                str(value)
                for row in rows
                for value in row
                if value is not None and re.search(r"本表无数据|本表为空|无.*故本表", str(value))
            ),
            None,
        )
        printed = land_grid(builder, layout.tables[table_no], grid)
        document.add_table(
            table_no,
            printed_no or name,
            str(rows[0][0]) if rows and rows[0] and rows[0][0] else title,
            position=position,
            printed=printed,
            statement=statement,
        )
    for table in layout.in_print_order():
        if table.table_no not in seen:
            document.problem(
                "table_missing", f"缺少表{table.table_no}（{table.table_title}）", locator=path.name
            )
    return document


def _year_from_path(path: Path) -> int | None:
    for part in reversed(path.parts):
        if re.fullmatch(r"20\d\d", part):
            return int(part)
    return None


def _grid(name: str, rows: list[list], merged: dict) -> Grid:
    """Header texts per column (merged cells spread over their columns) and the body rows."""
    start = next(
        (i + 1 for i, row in enumerate(rows[:6]) if any(re.search(r"单位[:：]", str(v or "")) for v in row)),
        1,
    )
    first_data = next(
        (
            i
            for i in range(start, len(rows))
            if is_data_row([_text(v) for v in rows[i]]) or is_note_row(rows[i])
        ),
        len(rows),
    )
    width = max((len(row) for row in rows), default=0)
    headers: list[list[str]] = [[] for _ in range(width)]
    for r in range(start, first_data):
        if is_column_numbers(
            [re.sub(r"\s+", "", str(v)) for v in rows[r] if v is not None and str(v).strip()]
        ):
            continue  # 栏次 1 2 3 …
        for c in range(width):
            box = merged.get((r, c))
            origin = (box[0], box[1]) if box else (r, c)
            if origin[0] != r:
                continue  # a merged cell from a row above: named there
            value = rows[origin[0]][origin[1]] if origin[1] < len(rows[origin[0]]) else None
            if value is not None and str(value).strip():
                headers[c].append(re.sub(r"\s+", "", str(value)))
    grid = Grid(headers)
    body_rows: list[int] = []
    grid.locate = lambda row_index, column: f"{name}!{_column_letter(column)}{body_rows[row_index] + 1}"
    for r in range(first_data, len(rows)):
        body_rows.append(r)
        row = [_text(value) for value in rows[r]] + [None] * (width - len(rows[r]))
        for (mr, mc), box in merged.items():
            if mr == r and (box[0], box[1]) != (mr, mc) and box[0] == r:
                row[mc] = COVERED  # covered by a merged cell to its left
        grid.rows.append(split_code_headers(headers, row))
        grid.places.append((None, f"{name}!{_column_letter(0)}{r + 1}"))
    return grid
