"""A published disclosure PDF (text layer) read with pdfplumber.

- Text: every page's lines (words within 8pt of one baseline are one line: this template sets
  numbers in another font on a baseline about 5pt lower than the words around them), outside the
  tables, each given a kind (title, toc_entry, heading, table_title, table_header, note, body).
- Tables: pdfplumber's ruled tables. A page whose lines above its table name one of the profile's
  table titles starts that table (table_no by the title's content, whatever number it prints);
  a table on a page without a title continues the previous one (01 and 04 run over two pages,
  04's second page is an empty spill-over). Header rows are the rows above the first row that
  prints an amount, a code or 合计; a merged header cell names every column it spans (by the cells'
  boxes). The grid module gives the cells their keys.
- The 情况说明 (第三部分 up to the next 部分): narrative.py turns it into statements.
- Empty tables: the statement printed under them (…故本表无数据) goes to tables.empty_statement.

A PDF without a text layer is a read problem ``no_text_layer`` (no OCR here).
"""

from __future__ import annotations

import re
from pathlib import Path

from juesuan.audit.read import narrative, textlines
from juesuan.audit.read.cells import CellBuilder
from juesuan.audit.read.document import Document, document_id
from juesuan.audit.read.grid import (
    Grid,
    is_column_numbers,
    is_data_row,
    land_grid,
    split_code_headers,
    title_of,
)
from juesuan.audit.read.layout import profile_layout
from juesuan.audit.read.profile import detect_from_titles

LINE_TOLERANCE = 8


def _lines(page, exclude: list[tuple]) -> list[str]:
    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in exclude)

    view = page.filter(outside) if exclude else page
    text = view.extract_text(y_tolerance=LINE_TOLERANCE) or ""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _header_grid(table, rows: list[list], header_count: int) -> list[list[str]]:
    """The texts above each column: every header cell's text under each column it spans."""
    widths = []
    for j in range(len(rows[0]) if rows else 0):
        boxes = [row.cells[j] for row in table.rows if j < len(row.cells) and row.cells[j]]
        widths.append(min(boxes, key=lambda box: box[2] - box[0]) if boxes else None)
    headers: list[list[str]] = [[] for _ in widths]
    for r in range(header_count):
        filled = [re.sub(r"\s+", "", str(v)) for v in rows[r] if v is not None and str(v).strip()]
        if is_column_numbers(filled):
            continue  # 栏次 1 2 3 …
        for c, box in enumerate(table.rows[r].cells):
            text = rows[r][c] if c < len(rows[r]) else None
            if box is None or not text or not str(text).strip():
                continue
            for j, column in enumerate(widths):
                if column is None:
                    continue
                middle = (column[0] + column[2]) / 2
                if box[0] - 1 <= middle <= box[2] + 1:
                    headers[j].append(re.sub(r"\s+", "", str(text)))
    return headers


def read(path: Path, profile: str | None = None) -> Document:
    import pdfplumber

    document = Document(document_id(path), str(path), "pdf")
    with pdfplumber.open(path) as pdf:
        document.page_count = len(pdf.pages)
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            boxes = [table.bbox for table in tables]
            pages.append((number, page, tables, _lines(page, boxes)))
        if not any(lines for _, _, _, lines in pages):
            document.problem(
                "no_text_layer", f"{path.name} 没有文本层（扫描件？本工具不做 OCR）", locator=path.name
            )
            return document
        all_lines = [(number, line) for number, _, _, lines in pages for line in lines]
        textlines.title_facts(document, [line for number, line in all_lines if number == 1])
        toc_titles = [line for _, line in all_lines]
        document.profile_code = profile or detect_from_titles(toc_titles, document.fiscal_year)
        document.profile_detected = profile is None and document.profile_code is not None
        if document.profile_code is None:
            document.problem("unknown_profile", "无法从表格标题和顺序判断公开格式", locator=path.name)
            textlines.land_texts(document, all_lines, None)
            return document
        layout = profile_layout(document.profile_code, document.fiscal_year)
        builder = CellBuilder(document, layout)
        table_titles = _read_tables(document, layout, builder, pages)
        textlines.land_texts(document, all_lines, layout, table_titles)
        narrative.land_statements(
            document, [(row["page"], row["text"]) for row in document.texts if row["kind"] != "toc_entry"]
        )
    return document


def _read_tables(document, layout, builder, pages) -> set[tuple[int, str]]:
    """Cells and tables.parquet rows; returns the (page, line) pairs that are table titles."""
    current = None  # (table layout, grid, table row, printed amounts)
    titles: set[tuple[int, str]] = set()
    finished: list[tuple] = []
    for number, _page, tables, lines in pages:
        # Only a page that prints a table can start one (the table of contents names them all).
        table_no, printed_no, title = title_of(lines, layout) if tables else (None, None, None)
        if table_no:
            titles.add((number, title))
            if current:
                finished.append(current)
            entry = document.table_entry(table_no, printed_no, title, position=len(finished) + 1, page=number)
            current = [layout.tables[table_no], None, entry, number]
        if not table_no and any(
            re.match(r"^第[一二三四五六七八九十]+部分", re.sub(r"\s+", "", line)) for line in lines
        ):
            # A new part (情况说明, 附件 …): the nine tables are over; its own tables are no part of them.
            if current:
                finished.append(current)
            current = None
        if current is None:
            continue
        statement = next((line for line in lines if re.search(r"本表无数据|本表为空|无.*故本表", line)), None)
        if statement and current[2]["empty_statement"] is None:
            current[2]["empty_statement"] = re.sub(r"^(注|说明)[:：]", "", statement)
        for table in tables:
            rows = table.extract()
            if not rows:
                continue
            if current[1] is None:
                header_count = next((i for i, row in enumerate(rows) if is_data_row(row)), len(rows))
                headers = _header_grid(table, rows, header_count)
                grid = Grid(headers)
                current[1] = grid
                data = rows[header_count:]
                start = header_count
            else:
                grid = current[1]
                data, start = rows, 0
                if len(rows[0]) != len(grid.headers):
                    document.problem(
                        "table_layout",
                        f"第{number}页的表格有{len(rows[0])}列，与表{current[0].table_no}的{len(grid.headers)}列不符",
                        page=number,
                        locator=f"p{number}",
                    )
                    continue
            for offset, row in enumerate(data):
                row = split_code_headers(grid.headers, row)
                grid.rows.append(row)
                grid.places.append(
                    (number, f"p{number} 表格{tables.index(table) + 1} 行{start + offset + 1}")
                )
    if current:
        finished.append(current)
    seen = set()
    for position, (table, grid, entry, _page) in enumerate(finished, start=1):
        entry["position"] = position
        document.note_table(seen, table.table_no, locator=f"p{entry['page']}", page=entry["page"])
        printed = land_grid(builder, table, grid) if grid else 0
        entry["is_empty"] = printed == 0
        document.tables.append(entry)
    return titles
