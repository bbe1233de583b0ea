"""The nine tables as printed grids: title, merged multi-row headers, 栏次, body, note.

One layout feeds both the Excel workbook and the HTML document. Amounts are the warehouse's own
``amount_wan`` (万元, each rounded from its own 元 total by the dbt macro ``to_wan``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from juesuan.publish.data import Disclosure, Row

Value = str | Decimal | None


@dataclass(frozen=True)
class Span:
    """A (possibly merged) cell: text at (row, col), covering rowspan × colspan cells."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    table_no: str
    title: str
    note: str
    empty_statement: str | None
    columns: int
    header: list[Span]
    header_rows: int
    body: list[list[Value]]
    body_spans: list[Span] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"公开{self.table_no}表"

    def rows_with_spans(self) -> list[list[tuple[Value, int]]]:
        """Body rows as (value, colspan), the cells a merge covers left out (for HTML)."""
        merged = {(span.row, span.col): span for span in self.body_spans}
        rows = []
        for index, line in enumerate(self.body):
            cells: list[tuple[Value, int]] = []
            col = 0
            while col < len(line):
                span = merged.get((index, col))
                cells.append((span.text, span.colspan) if span else (line[col], 1))
                col += span.colspan if span else 1
            rows.append(cells)
        return rows


def _column_header(groups: list[tuple[str | None, list[str]]], first: int) -> tuple[list[Span], int]:
    """Two header rows for amount columns: a group over its leaves, or a leaf spanning both rows."""
    spans: list[Span] = []
    col = first
    for group, leaves in groups:
        if group is None:
            spans.append(Span(leaves[0], 0, col, rowspan=2))
        else:
            spans.append(Span(group, 0, col, colspan=len(leaves)))
            spans.extend(Span(leaf, 1, col + index) for index, leaf in enumerate(leaves))
        col += len(leaves)
    return spans, col - first


def _by_row(cells: list[Row]) -> list[tuple[Row, dict[int, Decimal]]]:
    """The table's rows in order, each with its amounts by column_order."""
    rows: dict[tuple[str, int], tuple[Row, dict[int, Decimal]]] = {}
    for cell in cells:
        key = (cell["block"] or "", cell["row_order"])
        rows.setdefault(key, (cell, {}))[1][cell["column_order"]] = cell["amount_wan"]
    return [rows[key] for key in sorted(rows)]


FUNCTION_TABLES: dict[str, list[tuple[str | None, list[str]]]] = {
    "02": [
        (None, [label])
        for label in (
            "本年收入合计",
            "财政拨款收入",
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入",
        )
    ],
    "03": [
        (None, [label])
        for label in (
            "本年支出合计",
            "基本支出",
            "项目支出",
            "上缴上级支出",
            "经营支出",
            "对附属单位补助支出",
        )
    ],
    "05": [("本年支出", ["小计", "基本支出", "项目支出"])],
    "07": [
        (None, ["年初结转和结余"]),
        (None, ["本年收入"]),
        ("本年支出", ["小计", "基本支出", "项目支出"]),
        (None, ["年末结转和结余"]),
    ],
    "08": [("本年支出", ["合计", "基本支出", "项目支出"])],
}


def function_grid(
    table_no: str, cells: list[Row]
) -> tuple[list[Span], int, list[list[Value]], int, list[Span]]:
    """02, 03, 05, 07, 08: 科目代码 | 科目名称 | amounts, with a 栏次 row."""
    spans, width = _column_header(FUNCTION_TABLES[table_no], 2)
    spans += [Span("项目", 0, 0, colspan=2), Span("科目代码", 1, 0), Span("科目名称", 1, 1)]
    spans.append(Span("栏次", 2, 0, colspan=2))
    spans += [Span(str(number), 2, 1 + number) for number in range(1, width + 1)]
    body: list[list[Value]] = []
    merges: list[Span] = []
    for row, amounts in _by_row(cells):
        if not row["row_code"]:  # 合计: its label across 科目代码 and 科目名称
            merges.append(Span(row["row_label"], len(body), 0, colspan=2))
        code = row["row_code"] or row["row_label"]
        name = row["row_label"] if row["row_code"] else ""
        body.append([code, name, *[amounts.get(order) for order in range(1, width + 1)]])
    return spans, 3, body, width + 2, merges


def two_sided_grid(cells: list[Row], income_lines: int, spending_labels: list[str]):
    """01 and 04: 收入 (项目, 行次, 金额) beside 支出 (项目, 行次, amounts), paired by position."""
    width = len(spending_labels)
    spans = [
        Span("收入", 0, 0, colspan=3),
        Span("支出", 0, 3, colspan=2 + width),
        Span("项目", 1, 0),
        Span("行次", 1, 1),
        Span("金额", 1, 2),
        Span("项目", 1, 3),
        Span("行次", 1, 4),
        *[Span(label, 1, 5 + index) for index, label in enumerate(spending_labels)],
        Span("栏次", 2, 0),
        Span("", 2, 1),
        Span("1", 2, 2),
        Span("栏次", 2, 3),
        Span("", 2, 4),
        *[Span(str(2 + index), 2, 5 + index) for index in range(width)],
    ]
    lines = {row["line_no"]: (row, amounts) for row, amounts in _by_row(cells)}
    body: list[list[Value]] = []
    for line in range(1, income_lines + 1):
        income = lines.get(line)
        spending = lines.get(income_lines + line)
        body.append(
            [
                income[0]["row_label"] if income else "",
                str(line),
                income[1].get(1) if income else None,
                spending[0]["row_label"] if spending else "",
                str(income_lines + line),
                *[spending[1].get(order) if spending else None for order in range(1, width + 1)],
            ]
        )
    return spans, 3, body, 5 + width


def basic_grid(cells: list[Row]) -> tuple[list[Span], int, list[list[Value]], int, list[Span]]:
    """06: three column groups (人员经费 | 公用经费 302 | 公用经费 other classes), totals last."""
    spans = [Span("人员经费", 0, 0, colspan=3), Span("公用经费", 0, 3, colspan=6)]
    spans += [Span(label, 1, col) for col, label in enumerate(["科目代码", "科目名称", "决算数"] * 3)]
    rows = _by_row(cells)
    personnel = [(row, amounts) for row, amounts in rows if row["block"] == "人员经费" and row["row_code"]]
    public = [(row, amounts) for row, amounts in rows if row["block"] == "公用经费" and row["row_code"]]
    middle = [entry for entry in public if entry[0]["row_code"].startswith("302")]
    right = [entry for entry in public if not entry[0]["row_code"].startswith("302")]
    totals = {row["block"]: amounts.get(1) for row, amounts in rows if not row["row_code"]}
    height = max(len(personnel), len(middle), len(right))
    body: list[list[Value]] = []
    for index in range(height):
        line: list[Value] = []
        for group in (personnel, middle, right):
            if index < len(group):
                row, amounts = group[index]
                line += [row["row_code"], row["row_label"], amounts.get(1)]
            else:
                line += ["", "", None]
        body.append(line)
    body.append(
        ["人员经费合计", "", totals.get("人员经费"), "公用经费合计", "", "", "", "", totals.get("公用经费")]
    )
    merges = [Span("人员经费合计", height, 0, colspan=2), Span("公用经费合计", height, 3, colspan=5)]
    return spans, 2, body, 9, merges


def sangong_grid(cells: list[Row]) -> tuple[list[Span], int, list[list[Value]], int]:
    """09: 预算数 and 决算数, each 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计, 购置费, 运行费) | 公务接待费."""
    spans: list[Span] = []
    body_line: list[Value] = []
    for index, block in enumerate(("预算数", "决算数")):
        first = index * 6
        spans += [
            Span(block, 0, first, colspan=6),
            Span("合计", 1, first, rowspan=2),
            Span("因公出国（境）费", 1, first + 1, rowspan=2),
            Span("公务用车购置及运行费", 1, first + 2, colspan=3),
            Span("小计", 2, first + 2),
            Span("公务用车购置费", 2, first + 3),
            Span("公务用车运行费", 2, first + 4),
            Span("公务接待费", 1, first + 5, rowspan=2),
        ]
        amounts = {cell["column_order"]: cell["amount_wan"] for cell in cells if cell["block"] == block}
        body_line += [amounts.get(order) for order in range(1, 7)]
    spans += [Span(str(number), 3, number - 1) for number in range(1, 13)]
    return spans, 4, [body_line], 12


def build(disclosure: Disclosure, table_no: str) -> Grid:
    """The printed grid of one table."""
    cells = disclosure.table_cells(table_no)
    table = disclosure.table(table_no)
    body_spans: list[Span] = []
    if table_no in FUNCTION_TABLES:
        header, header_rows, body, columns, body_spans = function_grid(table_no, cells)
    elif table_no == "01":
        header, header_rows, body, columns = two_sided_grid(cells, 31, ["金额"])
    elif table_no == "04":
        labels = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
        header, header_rows, body, columns = two_sided_grid(cells, 32, labels)
    elif table_no == "06":
        header, header_rows, body, columns, body_spans = basic_grid(cells)
    else:
        header, header_rows, body, columns = sangong_grid(cells)
    return Grid(
        table_no=table_no,
        title=table["table_title"],
        note=table["table_note"] or "",
        empty_statement=table["empty_statement"],
        columns=columns,
        header=header,
        header_rows=header_rows,
        body=body,
        body_spans=body_spans,
    )


def build_all(disclosure: Disclosure) -> list[Grid]:
    return [build(disclosure, table["table_no"]) for table in disclosure.tables]
