"""Acceptance of the shanghai-2024 profile (issue 14): the real 上海市普陀区财政局 2024 document.

The case's ledger is built in the profile shanghai-2024 (the departments file says so in its
optional profile_code column), exported and published, and compared with the document's own
transcription (data/sh_putuo_finance_bureau_2024/tables/*.csv, every printed cell in printed
order, blanks kept): the document's tables in its order with its titles (README's table), each
table's rows with its labels in its order, its columns with its headers, every cell equal except
where the document contradicts itself (README, inconsistency 1: it prints one quantity two ways,
so no ledger can give both).
"""

from __future__ import annotations

import csv
import functools
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from juesuan import export
from juesuan.dbt_runner import run_dbt

CASE = Path(__file__).with_name("data") / "sh_putuo_finance_bureau_2024"
PROFILE = "shanghai-2024"
CHINESE_NUMBERS = "一二三四五六七八九"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def document_tables() -> list[tuple[str, str, str]]:
    """(printed number, title, table_no by content) in the document's order, from README's table."""
    found = re.findall(
        r"^\| (\S) \| (\S+) \| t(\d\d)\.csv \|", (CASE / "README.md").read_text(encoding="utf-8"), re.M
    )
    return sorted(found, key=lambda row: CHINESE_NUMBERS.index(row[0]))


@functools.cache
def built() -> tuple[Path, str, int]:
    """The case built once in profile shanghai-2024: (warehouse, department, year)."""
    root = Path(tempfile.mkdtemp(prefix="juesuan-shanghai-"))
    ledger = shutil.copytree(CASE / "ledger", root / "ledger")
    departments = read_csv(ledger / "departments.csv")
    with (ledger / "departments.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*departments[0], "profile_code"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, "profile_code": PROFILE} for row in departments)
    warehouse = root / "warehouse.duckdb"
    completed = run_dbt(
        ["build"], warehouse=warehouse, ledger=ledger, target_path=root / "dbt", log_path=root / "logs"
    )
    assert completed.returncode == 0, completed.stdout[-3000:]
    (department,) = {row["department_code"] for row in departments}
    (year,) = {int(row["fiscal_year"]) for row in read_csv(ledger / "income_entries.csv")}
    return warehouse, department, year


def our_tables() -> list[dict]:
    warehouse, department, year = built()
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return (
            connection.execute(
                "select * from disclosure.rpt_disclosure_tables where department_code = ? and fiscal_year = ?"
                " and unit_code is null order by print_order",
                [department, year],
            )
            .df()
            .to_dict("records")
        )


def our_printed_cells(table: dict) -> list[dict]:
    warehouse, department, year = built()
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cells = connection.execute(
            "select * from disclosure.rpt_disclosure_cells where department_code = ? and fiscal_year = ?"
            " and unit_code is null and table_no = ?",
            [department, year, table["table_no"]],
        ).df()
    return export.printed_cells(cells, table)


def header_matches(printed: str, ours: dict) -> bool:
    """The transcription's column header (本年支出-小计, 公务用车购置费|预算数) names our column:
    its leaf is our label, its group (when given) our group, its block (09) our block."""
    header, _, block = printed.partition("|")
    group, _, leaf = header.rpartition("-")
    return (
        leaf == ours["column_label"]
        and (not group or group == ours["column_group"])
        and (not block or block == ours["block"])
    )


def compare(number: str) -> list[tuple[dict, dict]]:
    """Every (document cell, our cell) pair of one table, asserting the frame matches."""
    table = next(row for row in our_tables() if row["table_no"] == number)
    document = read_csv(CASE / "tables" / f"t{number}.csv")
    ours = our_printed_cells(table)
    assert len(ours) == len(document), f"t{number}: {len(ours)} cells against the document's {len(document)}"
    for printed, cell in zip(document, ours, strict=True):
        where = f"t{number} {printed['row_label']} / {printed['column_label']}"
        assert printed["row_label"].split("/")[-1] == cell["row_label"], where
        assert printed["code"] == (cell["row_code"] or "") or number in ("01", "04"), where
        assert not printed["section"] or printed["section"] == cell["block"], where
        assert header_matches(printed["column_label"], cell), f"{where}: ours {cell['header']}"
    return list(zip(document, ours, strict=True))


def test_the_tables_come_in_the_documents_order_with_its_titles():
    expected = document_tables()
    assert len(expected) == 9
    tables = our_tables()
    assert [(row["table_no"], row["table_title"]) for row in tables] == [
        (no, title) for _, title, no in expected
    ]
    assert [row["table_label"] for row in tables] == [f"{printed}、{title}" for printed, title, _ in expected]


@pytest.mark.parametrize("number", [f"{n:02d}" for n in range(1, 10)])
def test_each_table_has_the_documents_rows_columns_and_blanks(number):
    pairs = compare(number)
    for printed, cell in pairs:
        if printed["amount"] == "":
            assert cell["amount_text"] == "", f"t{number} {printed['row_label']} {printed['column_label']}"


def test_every_published_cell_is_reproduced_but_the_documents_own_contradiction():
    """192 of the 195 non-empty cells are equal; each other one is a quantity the document prints
    differently in another table (README inconsistency 1), and we print the other value."""
    pairs = [pair for number in [f"{n:02d}" for n in range(1, 10)] for pair in compare(number)]
    printed = [(document, cell) for document, cell in pairs if document["amount"] != ""]
    unequal = [(document, cell) for document, cell in printed if document["amount"] != cell["amount_text"]]
    assert len(printed) - len(unequal) == 192 and len(printed) == 195
    # The same 类 as printed in 02, 03 and 05's 类 rows (first column of each): the document's other value.
    elsewhere = {
        (row["row_label"], Decimal(row["amount"]))
        for number in ("02", "03", "05")
        for row in read_csv(CASE / "tables" / f"t{number}.csv")
        if len(row["code"]) == 3 and row["amount"]
    }
    for document, cell in unequal:
        label = document["row_label"].split("、", 1)[-1]
        assert (label, Decimal(cell["amount_text"])) in elsewhere, (document, cell["amount_text"])
        assert (label, Decimal(document["amount"])) not in elsewhere


def test_the_exported_tables_follow_the_profile(tmp_path):
    warehouse, department, year = built()
    export.export(warehouse, tmp_path)
    folder = tmp_path / department / str(year)
    names = {path.stem for path in folder.glob("*.csv")}
    assert names == {row["table_label"] for row in our_tables()}
    t05 = pd.read_csv(folder / "五、一般公共预算财政拨款支出决算表.csv", dtype=str, keep_default_na=False)
    assert list(t05.columns[:5]) == ["栏目", "类", "款", "项", "项目"]  # no 行次, codes split
    assert t05.iloc[-1]["项目"] == "合计"  # 合计 at the bottom
    assert "行次" not in pd.read_csv(folder / "一、收入支出决算总表.csv", dtype=str).columns


def test_the_workbook_and_the_document_have_the_documents_tables_in_order(tmp_path):
    from juesuan.publish import cli

    warehouse, department, year = built()
    cli.publish(warehouse, tmp_path, department=department, year=year, pdf=False)
    folder = tmp_path / department / str(year)
    workbook = openpyxl.load_workbook(folder / "决算公开.xlsx")
    expected = document_tables()
    assert workbook.sheetnames == [f"{printed}、{title}" for printed, title, _ in expected]
    for sheet, (_, title, _) in zip(workbook.worksheets, expected, strict=True):
        assert sheet.cell(1, 1).value == title
    html = (folder / "决算公开.html").read_text(encoding="utf-8")
    assert re.findall(r'<div class="table-title">([^<]*)</div>', html) == [title for _, title, _ in expected]
    assert "行次" not in html and "栏次" not in html
