"""The project's own HTML document (publish: 决算公开.html) or any HTML disclosure whose tables are
``<table>`` elements: each table's title is the ``table-title`` block before it (else the nearest
heading or paragraph naming a table), its header the ``<thead>`` rows (colspan/rowspan spread over
the columns they cover), its body the ``<tbody>`` rows; every other block (h1-h6, p, div, li) is a
text line, the 情况说明 read from them as from a PDF. Locators are ``表n 行r 列c`` (the document's
n-th table). Read with the standard library's html.parser: no dependency.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from juesuan.audit.read import narrative, textlines
from juesuan.audit.read.cells import CellBuilder
from juesuan.audit.read.document import Document, document_id
from juesuan.audit.read.grid import COVERED, Grid, is_column_numbers, land_grid, split_code_headers, title_of
from juesuan.audit.read.layout import profile_layout
from juesuan.audit.read.profile import detect_from_titles

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "span", "caption"}


class _Parser(HTMLParser):
    """Text lines and tables in document order: ("line", text) and ("table", header rows, body
    rows), each row a list of (text, colspan, rowspan)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.text: list[str] = []
        self.table: dict | None = None
        self.cell: list[str] | None = None
        self.skip = 0

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if text:
            self.items.append(("line", text))
        self.text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.flush()
            self.table = {"head": [], "body": [], "section": "body", "row": None}
        elif self.table is not None:
            if tag == "thead":
                self.table["section"] = "head"
            elif tag == "tbody":
                self.table["section"] = "body"
            elif tag == "tr":
                self.table["row"] = []
            elif tag in ("td", "th"):
                self.cell = []
                self.span = (int(attributes.get("colspan") or 1), int(attributes.get("rowspan") or 1))
                if tag == "th" and self.table["section"] == "body" and not self.table["body"]:
                    self.table["section"] = "head"  # a table without <thead>: its leading th rows
        elif tag in BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif self.table is not None:
            if tag in ("td", "th") and self.cell is not None:
                self.table["row"].append((re.sub(r"\s+", "", "".join(self.cell)), *self.span))
                self.cell = None
            elif tag == "tr" and self.table["row"] is not None:
                self.table["head" if self.table["section"] == "head" else "body"].append(self.table["row"])
                self.table["row"] = None
            elif tag == "thead":
                self.table["section"] = "body"
            elif tag == "table":
                self.items.append(("table", self.table["head"], self.table["body"]))
                self.table = None
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.table is None:
            self.text.append(data)


def _expand(rows: list[list[tuple[str, int, int]]]) -> tuple[list[list[str | None]], list[list[bool]]]:
    """Rows of (text, colspan, rowspan) → a rectangular grid of texts and which cells are the
    origin of their span (a cell covered from the left is COVERED, from above None)."""
    grid: list[list] = []
    origin: list[list[bool]] = []
    pending: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        line: list = []
        flags: list[bool] = []
        c = 0
        for text, colspan, rowspan in row:
            while (r, c) in pending:
                line.append(None)
                flags.append(False)
                c += 1
            for k in range(colspan):
                line.append(text if k == 0 else COVERED)
                flags.append(k == 0)
                for down in range(1, rowspan):
                    pending[(r + down, c + k)] = text
            c += colspan
        while (r, c) in pending:
            line.append(None)
            flags.append(False)
            c += 1
        grid.append(line)
        origin.append(flags)
    width = max((len(line) for line in grid), default=0)
    return [line + [None] * (width - len(line)) for line in grid], [
        f + [False] * (width - len(f)) for f in origin
    ]


def read(path: Path, profile: str | None = None) -> Document:
    document = Document(document_id(path), str(path), "html")
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.flush()
    lines = [item[1] for item in parser.items if item[0] == "line"]
    textlines.title_facts(document, lines[:3])
    document.profile_code = profile or detect_from_titles(lines, document.fiscal_year)
    document.profile_detected = profile is None and document.profile_code is not None
    if document.profile_code is None:
        document.problem("unknown_profile", "无法从表格标题和顺序判断公开格式", locator=path.name)
        textlines.land_texts(document, [(None, line) for line in lines], None)
        return document
    layout = profile_layout(document.profile_code, document.fiscal_year)
    builder = CellBuilder(document, layout)
    titles: set[tuple[None, str]] = set()
    recent: list[str] = []
    seen = set()
    part = ""
    for index, item in enumerate(parser.items):
        if item[0] == "line":
            recent = [*recent[-4:], item[1]]
            if re.match(r"^第[一二三四五六七八九十]+部分", re.sub(r"\s+", "", item[1])):
                part = item[1]
            continue
        _, head, body = item
        table_no, printed_no, title = title_of(list(reversed(recent)), layout)
        number = sum(1 for other in parser.items[:index] if other[0] == "table") + 1
        if table_no is None and "决算表" not in part:
            continue  # a table of another part (the 附件's performance tables): not one of the nine
        if table_no is None:
            document.problem("unknown_table", f"第{number}个表格没有可识别的标题", locator=f"表{number}")
            continue
        titles.add((None, title))
        printed_no = printed_no or next(
            (line for line in recent if re.fullmatch(r"公开\d\d表|[一二三四五六七八九十]+、.*", line)), None
        )
        headers = _headers(head)
        grid = Grid(headers)
        rows, _ = _expand(body)
        grid.locate = lambda row, column, number=number: f"表{number} 行{row + 1} 列{column + 1}"
        for r, row in enumerate(rows):
            grid.rows.append(split_code_headers(headers, row + [None] * (len(headers) - len(row))))
            grid.places.append((None, f"表{number} 行{r + 1}"))
        following = [other[1] for other in parser.items[index + 1 : index + 4] if other[0] == "line"]
        statement = next((line for line in following if re.search(r"本表无数据|故本表", line)), None)
        document.note_table(seen, table_no, locator=f"表{number}")
        printed = land_grid(builder, layout.tables[table_no], grid)
        document.add_table(
            table_no,
            printed_no,
            title,
            position=len(document.tables) + 1,
            printed=printed,
            statement=statement,
        )
        recent = []
    for table in layout.in_print_order():
        if table.table_no not in seen:
            document.problem(
                "table_missing", f"缺少表{table.table_no}（{table.table_title}）", locator=path.name
            )
    textlines.land_texts(document, [(None, line) for line in lines], layout, titles)
    narrative.land_statements(
        document, [(row["page"], row["text"]) for row in document.texts if row["kind"] != "toc_entry"]
    )
    return document


def _headers(head: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    grid, origin = _expand(head)
    width = len(grid[0]) if grid else 0
    headers: list[list[str]] = [[] for _ in range(width)]
    for r, line in enumerate(grid):
        if is_column_numbers([t for t in line if t and t != COVERED]):
            continue  # 栏次 1 2 3 …
        current = None
        for c, text in enumerate(line):
            if origin[r][c]:
                current = text
                if text:
                    headers[c].append(text)
            elif text == COVERED and current:
                headers[c].append(current)  # spanned from its left
    return headers
