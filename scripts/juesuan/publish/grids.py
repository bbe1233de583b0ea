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
    table_label: str = ""

    @property
    def label(self) -> str:
        """The table's printed number (公开01表; 一、收入支出决算总表), also its sheet name."""
        return self.table_label or f"公开{self.table_no}表"

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


FUNCTION_TABLES = ("02", "03", "05", "07", "08")


def _column_groups(cells: list[Row]) -> list[tuple[str | None, list[str]]]:
    """The table's amount columns in order, consecutive columns under one header group together."""
    columns: dict[int, Row] = {}
    for cell in cells:
        columns.setdefault(cell["column_order"], cell)
    groups: list[tuple[str | None, list[str]]] = []
    for order in sorted(columns):
        group = columns[order].get("column_group") or None
        if group is not None and groups and groups[-1][0] == group:
            groups[-1][1].append(columns[order]["column_label"])
        else:
            groups.append((group, [columns[order]["column_label"]]))
    return groups


def _split_code(code: str | None) -> list[str]:
    """A 科目 code under 类 | 款 | 项 (or 类 | 款 for an economic code): 2010601 → 201, 06, 01."""
    code = code or ""
    return [code[:3], code[3:5], code[5:7]]


def function_grid(
    table_no: str, cells: list[Row], style: Row | None = None
) -> tuple[list[Span], int, list[list[Value]], int, list[Span]]:
    """02, 03, 05, 07, 08: 科目代码 | 科目名称 | amounts, with a 栏次 row where the profile numbers
    columns; codes whole, or split into 类 | 款 | 项 (code_style split)."""
    style = style or {}
    split = style.get("code_style") == "split"
    lead = 4 if split else 2
    spans, width = _column_header(_column_groups(cells), lead)
    if split:
        spans += [Span("项目", 0, 0, colspan=4)]
        spans += [Span(text, 1, col) for col, text in enumerate(["类", "款", "项", "科目名称"])]
    else:
        spans += [Span("项目", 0, 0, colspan=2), Span("科目代码", 1, 0), Span("科目名称", 1, 1)]
    header_rows = 2
    if style.get("prints_line_no", True):
        spans.append(Span("栏次", 2, 0, colspan=lead))
        spans += [Span(str(number), 2, lead - 1 + number) for number in range(1, width + 1)]
        header_rows = 3
    body: list[list[Value]] = []
    merges: list[Span] = []
    for row, amounts in _by_row(cells):
        amount_values = [amounts.get(order) for order in range(1, width + 1)]
        if not row["row_code"]:  # 合计: its label across the code and name columns
            merges.append(Span(row["row_label"], len(body), 0, colspan=lead))
        if split:
            codes = _split_code(row["row_code"]) if row["row_code"] else [row["row_label"], "", ""]
            body.append([*codes, row["row_label"] if row["row_code"] else "", *amount_values])
        else:
            code = row["row_code"] or row["row_label"]
            name = row["row_label"] if row["row_code"] else ""
            body.append([code, name, *amount_values])
    return spans, header_rows, body, width + lead, merges


def two_sided_grid(cells: list[Row], income_lines: int, spending_labels: list[str], style: Row | None = None):
    """01 and 04: 收入 (项目, 行次, 金额) beside 支出 (项目, 行次, amounts), paired by position
    (row_order, the layout's line position); without 行次 where the profile prints none."""
    style = style or {}
    numbered = style.get("prints_line_no", True)
    width = len(spending_labels)
    income_label = next((cell["column_label"] for cell in cells if cell["block"] == "收入"), "金额")
    lines = {row["row_order"]: (row, amounts) for row, amounts in _by_row(cells)}
    if not numbered:
        spans = [
            Span("收入", 0, 0, colspan=2),
            Span("支出", 0, 2, colspan=1 + width),
            Span("项目", 1, 0),
            Span(income_label, 1, 1),
            Span("项目", 1, 2),
            *[Span(label, 1, 3 + index) for index, label in enumerate(spending_labels)],
        ]
        body: list[list[Value]] = []
        for line in range(1, income_lines + 1):
            income, spending = lines.get(line), lines.get(income_lines + line)
            if income is None and spending is None:
                continue
            body.append(
                [
                    income[0]["row_label"] if income else "",
                    income[1].get(1) if income else None,
                    spending[0]["row_label"] if spending else "",
                    *[spending[1].get(order) if spending else None for order in range(1, width + 1)],
                ]
            )
        return spans, 2, body, 3 + width
    spans = [
        Span("收入", 0, 0, colspan=3),
        Span("支出", 0, 3, colspan=2 + width),
        Span("项目", 1, 0),
        Span("行次", 1, 1),
        Span(income_label, 1, 2),
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
    body = []
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


def basic_grid(
    cells: list[Row], style: Row | None = None
) -> tuple[list[Span], int, list[list[Value]], int, list[Span]]:
    """06: three column groups (人员经费 | 公用经费 302 | 公用经费 other classes), totals last; or,
    print_variant two_halves, 人员经费 | 公用经费 side by side (codes split into 类 | 款 where the
    profile splits codes)."""
    style = style or {}
    rows = _by_row(cells)
    personnel = [(row, amounts) for row, amounts in rows if row["block"] == "人员经费" and row["row_code"]]
    public = [(row, amounts) for row, amounts in rows if row["block"] == "公用经费" and row["row_code"]]
    totals = {row["block"]: amounts.get(1) for row, amounts in rows if not row["row_code"]}
    if style.get("print_variant") == "two_halves":
        return _basic_halves(personnel, public, totals, style.get("code_style") == "split")
    spans = [Span("人员经费", 0, 0, colspan=3), Span("公用经费", 0, 3, colspan=6)]
    spans += [Span(label, 1, col) for col, label in enumerate(["科目代码", "科目名称", "决算数"] * 3)]
    middle = [entry for entry in public if entry[0]["row_code"].startswith("302")]
    right = [entry for entry in public if not entry[0]["row_code"].startswith("302")]
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


def _basic_halves(personnel, public, totals, split: bool):
    codes = ["类", "款"] if split else ["科目代码"]
    width = len(codes) + 2
    spans: list[Span] = []
    for index, block in enumerate(("人员经费", "公用经费")):
        first = index * width
        spans.append(Span(block, 0, first, colspan=width))
        spans += [Span(label, 1, first + col) for col, label in enumerate([*codes, "科目名称", "决算数"])]
    height = max(len(personnel), len(public))
    body: list[list[Value]] = []
    for index in range(height):
        line: list[Value] = []
        for group in (personnel, public):
            if index < len(group):
                row, amounts = group[index]
                code = _split_code(row["row_code"])[:2] if split else [row["row_code"]]
                line += [*code, row["row_label"], amounts.get(1)]
            else:
                line += [""] * (width - 1) + [None]
        body.append(line)
    blank = [""] * (width - 2)
    body.append(
        ["人员经费合计", *blank, totals.get("人员经费"), "公用经费合计", *blank, totals.get("公用经费")]
    )
    merges = [
        Span("人员经费合计", height, 0, colspan=width - 1),
        Span("公用经费合计", height, width, colspan=width - 1),
    ]
    return spans, 2, body, 2 * width, merges


def _sangong_columns(cells: list[Row]) -> list[Row]:
    """09's columns of one block, in order (one cell each)."""
    first = cells[0]["block"] if cells else "预算数"
    return sorted((cell for cell in cells if cell["block"] == first), key=lambda cell: cell["column_order"])


def sangong_grid(
    cells: list[Row], style: Row | None = None
) -> tuple[list[Span], int, list[list[Value]], int]:
    """09: 预算数 and 决算数, each 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计, 购置费, 运行费) |
    公务接待费; or, print_variant pairs, each of those columns as a 预算数 | 决算数 pair."""
    style = style or {}
    if style.get("print_variant") == "pairs":
        return _sangong_pairs(cells)
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


def _sangong_pairs(cells: list[Row]) -> tuple[list[Span], int, list[list[Value]], int]:
    columns = _sangong_columns(cells)
    width = 2 * len(columns)
    spans = [Span(columns[0]["row_label"] if columns else "", 0, 0, colspan=width)]
    amounts = {(cell["block"], cell["column_order"]): cell["amount_wan"] for cell in cells}
    body_line: list[Value] = []
    col = 0
    for index, column in enumerate(columns):
        group = column.get("column_group")
        if group:
            if index == 0 or columns[index - 1].get("column_group") != group:
                run = sum(1 for other in columns if other.get("column_group") == group)
                spans.append(Span(group, 1, col, colspan=2 * run))
            spans.append(Span(column["column_label"], 2, col, colspan=2))
        else:
            spans.append(Span(column["column_label"], 1, col, rowspan=2, colspan=2))
        for block in ("预算数", "决算数"):
            spans.append(Span(block, 3, col))
            body_line.append(amounts.get((block, column["column_order"])))
            col += 1
    return spans, 4, [body_line], width


def _block_labels(cells: list[Row], block: str) -> list[str]:
    """The leaf headers of one block's columns, in order."""
    labels = {cell["column_order"]: cell["column_label"] for cell in cells if cell["block"] == block}
    return [labels[order] for order in sorted(labels)]


def _printed_amounts(cells: list[Row], style: Row) -> list[Row]:
    """The cells as the profile prints them: a zero left blank where the profile says so."""
    if style.get("zero_display") != "blank":
        return cells
    return [{**cell, "amount_wan": None} if cell["amount_wan"] == 0 else cell for cell in cells]


def build(disclosure: Disclosure, table_no: str) -> Grid:
    """The printed grid of one table, as the department's profile prints it."""
    table = disclosure.table(table_no)
    cells = _printed_amounts(disclosure.table_cells(table_no), table)
    body_spans: list[Span] = []
    if table_no in FUNCTION_TABLES:
        header, header_rows, body, columns, body_spans = function_grid(table_no, cells, table)
    elif table_no in ("01", "04"):
        income_lines = 31 if table_no == "01" else 32
        header, header_rows, body, columns = two_sided_grid(
            cells, income_lines, _block_labels(cells, "支出"), table
        )
    elif table_no == "06":
        header, header_rows, body, columns, body_spans = basic_grid(cells, table)
    else:
        header, header_rows, body, columns = sangong_grid(cells, table)
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
        table_label=table.get("table_label") or f"公开{table_no}表",
    )


def build_all(disclosure: Disclosure) -> list[Grid]:
    """Every table, in the order the department's profile prints them."""
    ordered = sorted(disclosure.tables, key=lambda table: (table.get("print_order") or 0, table["table_no"]))
    return [build(disclosure, table["table_no"]) for table in ordered]
