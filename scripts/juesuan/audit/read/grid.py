"""A printed table as a grid of text (header rows over data rows) → landing cells.

Readers of paged documents (the PDF) and of sheets (workbooks) hand over each table as rows of
cell texts plus, for every column, the header texts printed above it (top to bottom; a merged
header cell repeated under every column it spans). This module decides, from the profile's
layout, which columns hold codes (类/款/项), the row label (项目/科目名称) and amounts, splits a
two-half table (01, 04, 06) into its halves, joins split codes, and gives every amount cell to
``CellBuilder``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from juesuan.audit.read.cells import CellBuilder
from juesuan.audit.read.document import normalise_label, parse_amount
from juesuan.audit.read.layout import Column, ProfileLayout, TableLayout

CODE_HEADERS = {"类": 0, "款": 1, "项": 2}
CODE_HEADER_WHOLE = {"科目编码", "功能分类科目编码", "经济分类科目编码", "支出功能分类科目编码", "科目代码"}
LABEL_HEADERS = {"项目", "科目名称", "项目（按功能分类）", "项目（按经济分类）"}
LINE_NO_HEADERS = {"行次", "栏次"}
CODE = re.compile(r"^\d{2,7}$")
# A cell covered by a merged cell to its left (a workbook's 公用经费合计 spanning into the third
# group of central-2023's 06): not a printed blank.
COVERED = "\x00covered"


@dataclass
class GridColumn:
    index: int
    role: str  # code | label | line_no | amount | other
    half: int
    code_part: int | None = None  # 0 类, 1 款, 2 项, None = whole code
    layout: Column | None = None
    header: str = ""
    block: str = ""


@dataclass
class Grid:
    """One table's printed rows: ``headers[j]`` the texts above column j (top first),
    ``rows`` the data rows, ``places[i]`` the (page, locator prefix) of data row i."""

    headers: list[list[str]]
    rows: list[list[str | None]] = field(default_factory=list)
    places: list[tuple[int | None, str]] = field(default_factory=list)
    # (row index, column index) → where a cell is; default: the row's place and 列n.
    locate: Callable[[int, int], str] | None = None

    def locator(self, row_index: int, column_index: int) -> str:
        if self.locate:
            return self.locate(row_index, column_index)
        return f"{self.places[row_index][1]} 列{column_index + 1}"


def _leaf(texts: list[str]) -> str:
    return normalise_label(texts[-1]) if texts else ""


def classify(grid: Grid, table: TableLayout) -> list[GridColumn]:
    """Each column's role, half and layout column."""
    columns: list[GridColumn] = []
    half = 0
    blocks = table.blocks()
    seen_amount = False
    for index, texts in enumerate(grid.headers):
        names = [normalise_label(text) for text in texts if normalise_label(text)]
        leaf = names[-1] if names else ""
        if leaf in CODE_HEADERS or leaf in CODE_HEADER_WHOLE:
            role, part = "code", CODE_HEADERS.get(leaf)
        elif leaf in LABEL_HEADERS or any(name in LABEL_HEADERS for name in names[-1:]):
            role, part = "label", None
        elif leaf in LINE_NO_HEADERS:
            role, part = "line_no", None
        elif not names:
            role, part = "other", None  # a column no header names (a spacer under a merged 项目)
        else:
            role, part = "amount", None
        if role in ("code", "label", "line_no") and seen_amount:
            half += 1
            seen_amount = False
        if role == "amount":
            seen_amount = True
        column = GridColumn(index, role, half, part)
        if role == "amount":
            column.block = next((name for name in names if name in blocks), "")
            column.layout, column.header = match_column(table, names, column.block)
        columns.append(column)
    # A code column printed without 类/款/项 (codes split with an empty header): data decides.
    return columns


def match_column(table: TableLayout, names: list[str], block: str) -> tuple[Column | None, str]:
    """The layout column whose label (and group, when it has one) the header texts name."""
    if table.table_no == "09":
        block = next((name for name in names if name in ("预算数", "决算数")), block)
        names = [name for name in names if name not in ("预算数", "决算数")]
    candidates = [c for c in table.columns if not block or not c.block or c.block == block]
    best: tuple[int, Column] | None = None
    for column in candidates:
        label = normalise_label(column.column_label)
        group = normalise_label(column.column_group)
        if label not in names and normalise_label(f"{group}{label}") not in names:
            continue
        score = 2 if group and group in names else (1 if not group else 0)
        # The leaf should be the lowest header naming it (合计 over 预算数 in 09, not the caption).
        score += names.index(label) if label in names else 0
        if best is None or score > best[0]:
            best = (score, column)
    if best is None:
        return None, "-".join(names[-2:]) if names else ""
    column = best[1]
    return column, column.header


def is_data_row(row: list) -> bool:
    """A row that prints an amount, a code or an ordinal row label (一、…); or a 合计/总计 row
    whose other cells are amounts or blank (合计 alone in a header names a column)."""
    texts = [re.sub(r"\s+", "", str(value or "")) for value in row]
    filled = [text for text in texts if text]
    if not filled or is_column_numbers(filled):
        return False
    if filled[0] in ("合计", "总计"):
        return all(parse_amount(text)[0] is not None for text in filled[1:])
    for text in filled:
        if CODE.match(text) or parse_amount(text)[0] is not None:
            return True
        if re.match(r"^[一二三四五六七八九十]+、", text):
            return True
    return False


def is_column_numbers(filled: list[str]) -> bool:
    """The 栏次 row (栏次, 1, 2, 3 … or just 1 … 12): column numbers, not amounts."""
    if not filled:
        return False
    numbers = [text for text in filled if text not in ("栏次", "行次")]
    if filled[0] != "栏次" and len(numbers) < 3:
        return False
    return (
        all(text.isdigit() for text in numbers)
        and [int(text) for text in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
        if numbers
        else filled[0] == "栏次"
    )


def is_note_row(row: list) -> bool:
    filled = [re.sub(r"\s+", "", str(value)) for value in row if value is not None and str(value).strip()]
    return bool(filled) and bool(re.match(r"^(注|说明)[:：]|^备注", filled[0]))


def split_code_headers(headers: list[list[str]], row: list) -> list:
    """A data row that also prints 类 | 款 | 项 (合计 on the same line as the code headers): the
    three words go to the headers, the rest stays data."""
    out = list(row)
    for j, value in enumerate(row):
        text = re.sub(r"\s+", "", str(value or ""))
        if text in CODE_HEADERS:
            headers[j].append(text)
            out[j] = ""
    return out


def title_of(lines: list[str], layout: ProfileLayout) -> tuple[str | None, str | None, str | None]:
    """(table_no, printed number, printed title) of the table a page's lines name."""
    by_title = sorted(layout.tables.values(), key=lambda t: len(t.table_title), reverse=True)
    for line in lines:
        text = normalise_label(line)
        match = re.match(r"^(公开\d\d表|[一二三四五六七八九十]+、|表[一二三四五六七八九十\d]+)?(.*)$", text)
        number, rest = (match[1] or "").rstrip("、"), match[2]
        for table in by_title:
            if rest == normalise_label(table.table_title):
                return table.table_no, number or None, line
    return None, None, None


def land_grid(builder: CellBuilder, table: TableLayout, grid: Grid) -> int:
    """Every amount cell of the grid's data rows; returns how many amounts were printed."""
    columns = classify(grid, table)
    codes = [column for column in columns if column.role == "code"]
    if codes and builder.document.code_style is None:
        builder.document.code_style = "split" if any(c.code_part is not None for c in codes) else "whole"
    halves = sorted({column.half for column in columns})
    blocks = table.blocks() if table.table_no in ("01", "04") else []
    printed = 0
    for row_index, row in enumerate(grid.rows):
        page, place = grid.places[row_index]
        texts = [re.sub(r"\s+", "", str(value or "")) for value in row]
        if is_note_row(row) or is_column_numbers([text for text in texts if text]):
            continue
        for column in columns:
            if column.role == "other" and _text(row, column.index):
                builder.document.problem(
                    "unknown_column",
                    f"表{table.table_no}无栏目名的列有内容“{_text(row, column.index)}”",
                    page=page,
                    locator=grid.locator(row_index, column.index),
                    value=_text(row, column.index),
                )
        carried: tuple[str, str | None] | None = None
        for half in halves:
            mine = [column for column in columns if column.half == half]
            codes = [column for column in mine if column.role == "code"]
            labels = [column for column in mine if column.role == "label"]
            amounts = [column for column in mine if column.role == "amount"]
            code = _code(row, codes)
            label = " ".join(_text(row, column.index) for column in labels).strip()
            if not label:
                # 合计 / 人员经费合计 printed across the code columns (a merged cell).
                label = next(
                    (
                        _text(row, c.index)
                        for c in codes
                        if _text(row, c.index) and not CODE.match(_text(row, c.index))
                    ),
                    "",
                )
            if not label and not code and carried:
                label, code = carried
            carried = None
            if amounts and (
                all(_covered(row, column.index) for column in amounts)
                or (label and not code and _spans_into_next(row, columns, half, amounts))
            ):
                carried = (label, code)  # its label spans into the next group, which prints the amount
                continue
            if not label and not code and not any(_text(row, column.index) for column in amounts):
                continue  # an empty row (spill-over, the blank half of 01's short side)
            if not label and code and not any(_text(row, c.index) for c in amounts):
                continue
            block = blocks[half] if half < len(blocks) else ""
            if table.table_no == "06":
                block = _block_06(table, code, label)
            row_label = re.sub(r"\s+", "", label) or (
                table.rows[0].row_label if table.table_no == "09" and table.rows else ""
            )
            for column in amounts:
                text = _text(row, column.index)
                if parse_amount(text)[0] is not None:
                    printed += 1
                builder.add(
                    table_no=table.table_no,
                    block=column.block if table.table_no == "09" else (block or column.block),
                    row_label=row_label,
                    row_code=code,
                    header=column.header if column.layout is None else column.layout.header,
                    amount_text=text,
                    page=page,
                    locator=grid.locator(row_index, column.index),
                    row_id=(half, row_index, place),
                    column_block=column.block,
                )
    return printed


def _spans_into_next(row: list, columns: list[GridColumn], half: int, amounts: list[GridColumn]) -> bool:
    """A total whose own amount cells are blank while the next group prints an amount with
    neither label nor code: one merged label over two groups (central-2023's 公用经费合计), as a
    text layer without merge information shows it."""
    if any(_text(row, column.index) for column in amounts):
        return False
    following = [column for column in columns if column.half == half + 1]
    if not following:
        return False
    named = any(_text(row, c.index) for c in following if c.role in ("code", "label"))
    printed = any(_text(row, c.index) for c in following if c.role == "amount")
    return printed and not named


def _text(row: list, index: int) -> str:
    value = row[index] if index < len(row) else None
    return "" if value is None or value == COVERED else str(value).strip()


def _covered(row: list, index: int) -> bool:
    return index < len(row) and row[index] == COVERED


def _code(row: list, codes: list[GridColumn]) -> str | None:
    """A split code (类 | 款 | 项 columns) joined, or a whole one; None when there is none."""
    parts = [re.sub(r"\s+", "", _text(row, column.index)) for column in codes]
    parts = [part for part in parts if part not in CODE_HEADERS]
    joined = "".join(parts)
    return joined if CODE.match(joined) else None


def _block_06(table: TableLayout, code: str | None, label: str) -> str:
    wanted = normalise_label(label)
    for row in table.rows:
        if (code and row.row_code == code) or (not code and normalise_label(row.row_label) == wanted):
            return row.block
    return ""
