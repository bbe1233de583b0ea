"""The workbook read back with openpyxl: sheets, titles, merged headers, formats, every number."""

from __future__ import annotations

from decimal import Decimal

import duckdb
import openpyxl
import pytest
from publish_support import EXAMPLE, published, warehouse

SHEETS = [f"公开{number:02d}表" for number in range(1, 10)]


@pytest.fixture(scope="module")
def workbook():
    return openpyxl.load_workbook(published() / "决算公开.xlsx")


@pytest.fixture(scope="module")
def cells() -> list[dict]:
    with duckdb.connect(str(warehouse()), read_only=True) as connection:
        result = connection.execute(
            "select * from disclosure.rpt_disclosure_cells where department_code = ? and fiscal_year = ? and unit_code is null",
            list(EXAMPLE),
        )
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


@pytest.fixture(scope="module")
def tables() -> dict[str, dict]:
    with duckdb.connect(str(warehouse()), read_only=True) as connection:
        result = connection.execute(
            "select * from disclosure.rpt_disclosure_tables where department_code = ? and fiscal_year = ? and unit_code is null",
            list(EXAMPLE),
        )
        names = [column[0] for column in result.description]
        return {row[names.index("table_no")]: dict(zip(names, row, strict=True)) for row in result.fetchall()}


def test_nine_sheets_named_as_the_tables(workbook):
    assert workbook.sheetnames == SHEETS


@pytest.mark.parametrize("table_no", [f"{number:02d}" for number in range(1, 10)])
def test_title_block_and_note(workbook, tables, table_no):
    sheet = workbook[f"公开{table_no}表"]
    table = tables[table_no]
    last = sheet.max_column
    assert sheet.cell(1, 1).value == table["table_title"]
    assert f"A1:{openpyxl.utils.get_column_letter(last)}1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(2, last).value == f"公开{table_no}表"
    assert sheet.cell(3, 1).value == "部门：株洲高新技术产业开发区大数据资源局"
    assert sheet.cell(3, last).value == "金额单位：万元"
    texts = [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]
    assert table["table_note"] in texts
    if table["empty_statement"]:
        assert table["empty_statement"] in texts


@pytest.mark.parametrize(
    ("table_no", "merged", "text"),
    [
        ("01", "A4:C4", "收入"),
        ("01", "D4:F4", "支出"),
        ("02", "A4:B4", "项目"),
        ("02", "C4:C5", "本年收入合计"),
        ("02", "A7:B7", "合计"),
        ("03", "E4:E5", "项目支出"),
        ("04", "D4:I4", "支出"),
        ("05", "C4:E4", "本年支出"),
        ("06", "A4:C4", "人员经费"),
        ("06", "D4:I4", "公用经费"),
        ("07", "C4:C5", "年初结转和结余"),
        ("07", "E4:G4", "本年支出"),
        ("08", "C4:E4", "本年支出"),
        ("09", "A4:F4", "预算数"),
        ("09", "G4:L4", "决算数"),
        ("09", "C5:E5", "公务用车购置及运行费"),
        ("09", "A5:A6", "合计"),
    ],
)
def test_merged_headers(workbook, table_no, merged, text):
    sheet = workbook[f"公开{table_no}表"]
    assert merged in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet[merged.split(":")[0]].value == text


def _row_of(sheet, column: int, value: str, first: int = 4) -> int:
    rows = [row for row in range(first, sheet.max_row + 1) if sheet.cell(row, column).value == value]
    assert len(rows) == 1, f"{sheet.title}: {value!r} in column {column}: rows {rows}"
    return rows[0]


def _locate(sheet, cell: dict) -> tuple[int, int, str | None]:
    """(row, column) of a cell found from the sheet's own labels, and the label printed beside it."""
    table_no = cell["table_no"]
    if table_no in {"02", "03", "05", "07", "08"}:
        columns_row = _row_of(sheet, 1, "栏次")
        column = [
            c
            for c in range(1, sheet.max_column + 1)
            if sheet.cell(columns_row, c).value == str(cell["column_order"])
        ]
        row = _row_of(sheet, 1, cell["row_code"] or "合计", columns_row + 1)
        label = sheet.cell(row, 2).value if cell["row_code"] else sheet.cell(row, 1).value
        return row, column[0], label
    if table_no in {"01", "04"}:
        if cell["block"] == "收入":
            row = _row_of(sheet, 2, str(cell["line_no"]))
            return row, 3, sheet.cell(row, 1).value
        columns_row = _row_of(sheet, 4, "栏次")
        wanted = str(1 + cell["column_order"])
        column = [c for c in range(5, sheet.max_column + 1) if sheet.cell(columns_row, c).value == wanted]
        row = _row_of(sheet, 5, str(cell["line_no"]))
        return row, column[0], sheet.cell(row, 4).value
    if table_no == "06":
        if cell["row_code"] is None:
            total_column = 1 if cell["block"] == "人员经费" else 4
            row = _row_of(sheet, total_column, cell["row_label"])
            return row, 3 if cell["block"] == "人员经费" else 9, sheet.cell(row, total_column).value
        for code_column in (1, 4, 7):
            rows = [
                r for r in range(6, sheet.max_row + 1) if sheet.cell(r, code_column).value == cell["row_code"]
            ]
            if rows:
                return rows[0], code_column + 2, sheet.cell(rows[0], code_column + 1).value
        raise AssertionError(f"06: {cell['row_code']} not found")
    columns_row = 7
    offset = 0 if cell["block"] == "预算数" else 6
    assert sheet.cell(columns_row, cell["column_order"] + offset).value == str(cell["column_order"] + offset)
    return columns_row + 1, cell["column_order"] + offset, None


def test_every_cell_of_every_table_is_in_its_place(workbook, cells):
    assert len(cells) > 500
    found: dict[str, set[tuple[int, int]]] = {}
    for cell in cells:
        sheet = workbook[f"公开{cell['table_no']}表"]
        row, column, label = _locate(sheet, cell)
        value = sheet.cell(row, column).value
        assert Decimal(str(value)).quantize(Decimal("0.01")) == cell["amount_wan"], (cell, value)
        assert sheet.cell(row, column).number_format == "#,##0.00"
        if label is not None:
            assert label == cell["row_label"], (cell, label)
        found.setdefault(sheet.title, set()).add((row, column))
    for sheet in workbook:
        numbers = {
            (cell.row, cell.column)
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, int | float)
        }
        assert numbers == found[sheet.title], sheet.title


def test_empty_tables_still_have_their_total_row(workbook):
    sheet = workbook["公开07表"]
    row = _row_of(sheet, 1, "合计")
    assert [sheet.cell(row, c).value for c in range(3, 9)] == [0, 0, 0, 0, 0, 0]
