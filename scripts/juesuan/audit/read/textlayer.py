"""A published document's text layer as a .txt file (the bundled example's
shared/reference/zhuzhou-…txt: one paragraph a line, tables as tab-separated rows, light Markdown:
``- `` for table-of-contents entries, ``**`` for bold).

- Tables: a line whose first cell is one of the profile's table titles (not a contents entry)
  starts a table; its 部门/单位 lines give the printed number (公开01表) and end the preamble;
  the rows up to the first data row are the header (a header cell left empty next to a filled one
  belongs to it, as a merged cell would; the 栏次 row is skipped); the rows up to a note (注：…),
  a part heading or the next title are the body. Cells are located ``<file> 行n 列m``.
- Texts and statements as for a PDF (no pages: page is NULL).
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
    is_note_row,
    land_grid,
    split_code_headers,
    title_of,
)
from juesuan.audit.read.layout import profile_layout
from juesuan.audit.read.profile import detect_from_titles


def _clean(line: str) -> str:
    return line.replace("**", "").rstrip("\n").rstrip()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def read(path: Path, profile: str | None = None) -> Document:
    document = Document(document_id(path), str(path), "text")
    raw = path.read_text(encoding="utf-8-sig").splitlines()
    lines = [_clean(line) for line in raw]
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    toc_start = next(
        (i for i, (_, line) in enumerate(numbered) if re.sub(r"\s+", "", line) in ("目录", "目次")), None
    )
    cover = [line for _, line in numbered[: toc_start if toc_start is not None else 3]]
    textlines.title_facts(document, cover)
    titles = [re.sub(r"^[-*]\s+", "", line).split("\t")[0] for _, line in numbered]
    document.profile_code = profile or detect_from_titles(titles, document.fiscal_year)
    document.profile_detected = profile is None and document.profile_code is not None
    layout = profile_layout(document.profile_code, document.fiscal_year) if document.profile_code else None
    if layout is None:
        document.problem("unknown_profile", "无法从表格标题和顺序判断公开格式", locator=path.name)
    table_lines: set[int] = set()
    title_lines: set[tuple[None, str]] = set()
    if layout:
        builder = CellBuilder(document, layout)
        table_lines, title_lines = _read_tables(document, layout, builder, numbered, path.name)
    text_rows = [
        (None, line.replace("\t", " ").strip()) for number, line in numbered if number not in table_lines
    ]
    text_rows = [(page, re.sub(r"^[-*]\s+", "", line)) for page, line in text_rows]
    textlines.land_texts(document, text_rows, layout, title_lines)
    # The 情况说明 as prose: lines outside the nine tables and without tabs (the annex's own
    # tables are tab-separated too; their cells are no sentences).
    prose = {
        re.sub(r"^[-*]\s+", "", line).strip() for number, line in numbered if "\t" not in raw[number - 1]
    }
    narrative.land_statements(
        document,
        [
            (row["page"], row["text"])
            for row in document.texts
            if row["kind"] != "toc_entry" and row["text"] in prose
        ],
    )
    # The 附件's own small data tables (tab-separated, outside the nine tables).
    body = [(None, raw[number - 1]) for number, _ in numbered if number not in table_lines]
    first_part = next((i for i, (_, line) in enumerate(body) if re.match(r"^第一部分", line.strip())), 0)
    narrative.land_annex_tables(document, body[first_part + 1 :])
    return document


def _read_tables(document, layout, builder, numbered, name):
    """Cells and tables rows; returns the line numbers inside tables and the title lines."""
    used: set[int] = set()
    titles: set[tuple[None, str]] = set()
    starts = []
    for index, (_number, line) in enumerate(numbered):
        if re.match(r"^[-*]\s", line):
            continue  # a contents entry
        first = _cells(line)[0]
        table_no, printed_no, title = title_of([first], layout)
        if table_no:
            starts.append((index, table_no, printed_no, first))
    seen = set()
    for position, (index, table_no, printed_no, title) in enumerate(starts, start=1):
        end = starts[position][0] if position < len(starts) else len(numbered)
        block = []
        for number, line in numbered[index:end]:
            text = re.sub(r"\s+", "", line)
            if block and re.match(r"^第[一二三四五六七八九十]+部分", text):
                break
            block.append((number, line))
        statement = None
        body: list[tuple[int, list[str]]] = []
        preamble_done = False
        ended = False
        for number, line in block[1:]:
            cells = _cells(line)
            joined = "".join(cells)
            if re.search(r"本表无数据|故本表", joined):
                statement = re.sub(r"^(注|说明)[:：]", "", joined)
                used.add(number)
                continue
            if ended:
                if re.match(r"^\d+[.、]", joined) and "本" in joined:
                    used.add(number)  # the note's next numbered line
                    continue
                break
            found = next((c for c in cells if re.fullmatch(r"公开\d\d表", c)), None)
            if found and not printed_no:
                printed_no = found
            if is_note_row(cells):
                used.add(number)
                ended = True
                continue
            if re.match(r"^部门[:：]", joined) or re.search(r"单位[:：]", joined) or found:
                preamble_done = True
                used.add(number)
                continue
            if not preamble_done and not body and not is_data_row(cells):
                preamble_done = True
            body.append((number, cells))
            used.add(number)
        used.add(block[0][0])
        titles.add((None, title))
        grid = _grid(body, name)
        document.note_table(seen, table_no, locator=f"{name} 行{block[0][0]}")
        printed = land_grid(builder, layout.tables[table_no], grid)
        document.add_table(
            table_no, printed_no, title, position=position, printed=printed, statement=statement
        )
    for table in layout.in_print_order():
        if table.table_no not in seen:
            document.problem("table_missing", f"缺少表{table.table_no}（{table.table_title}）", locator=name)
    return used, titles


def _grid(body: list[tuple[int, list[str]]], name: str) -> Grid:
    width = max((len(cells) for _, cells in body), default=0)
    rows = [(number, cells + [""] * (width - len(cells))) for number, cells in body]
    first_data = next((i for i, (_, cells) in enumerate(rows) if is_data_row(cells)), len(rows))
    header_rows = [cells for _, cells in rows[:first_data] if not is_column_numbers([c for c in cells if c])]
    headers: list[list[str]] = [[] for _ in range(width)]
    for r, cells in enumerate(header_rows):
        last = r == len(header_rows) - 1
        current = ""
        for c, text in enumerate(cells):
            if text:
                current = re.sub(r"\s+", "", text)
                headers[c].append(current)
            elif current and not last and (r + 1 < len(header_rows) and header_rows[r + 1][c]):
                headers[c].append(current)  # spanned by the cell to its left, as a merged cell
    grid = Grid(headers)
    numbers: list[int] = []
    grid.locate = lambda row_index, column: f"{name} 行{numbers[row_index]} 列{column + 1}"
    for number, cells in rows[first_data:]:
        numbers.append(number)
        grid.rows.append(split_code_headers(headers, cells))
        grid.places.append((None, f"{name} 行{number}"))
    return grid
