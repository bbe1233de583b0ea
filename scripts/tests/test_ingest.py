"""The ingest step on its own (no dbt): each encoding, format, header spelling and file problem
an office's ledger folder can hold, landed or refused by the named rule, with file and line.
The same files built through dbt: test_file_sources.py."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pyarrow.parquet as pq
import pytest
import xlwt
from conftest import PROJECT

from juesuan.ingest import ingest, load_contract
from juesuan.ingest.contract import header_key, preferred_headers

EXAMPLE = PROJECT / "seeds" / "example"
ENTITY = "income_entries"
CHINESE = preferred_headers(PROJECT, ENTITY)


def example_rows(entity: str = ENTITY) -> list[list[str]]:
    with (EXAMPLE / f"example_{entity}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """The bundled example as a ledger folder of UTF-8 CSV files."""
    folder = tmp_path / "ledger"
    folder.mkdir()
    for path in EXAMPLE.glob("example_*.csv"):
        shutil.copy(path, folder / path.name.removeprefix("example_"))
    return folder


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def land(folder: Path, tmp_path: Path):
    return ingest(folder, tmp_path / "landing")


def landed(result, entity: str = ENTITY) -> list[dict]:
    """The contract columns of what was landed for ``entity``, in file order."""
    path = result.landing / f"{entity}.parquet"
    columns = [column.name for column in load_contract(PROJECT).entities[entity].columns]
    return pq.read_table(path, columns=columns).to_pylist()


def found(result) -> list[tuple]:
    return [
        (
            item.rule_id,
            item.source_file and item.source_file.replace(f"{result.folder}/", ""),
            item.source_row,
        )
        for item in result.findings
    ]


def file_read(result, entity: str = ENTITY):
    return next(read for read in result.files if read.entity == entity)


@pytest.fixture
def baseline(ledger, tmp_path) -> list[dict]:
    return landed(ingest(ledger, tmp_path / "baseline"))


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 (BOM)"),
        ("gb18030", "GB18030"),
        ("gbk", "GB18030"),  # GBK is a subset of GB18030: read losslessly as GB18030
        ("utf-16", "UTF-16 (BOM)"),  # Excel's "Unicode text"
        ("utf-16-be-bom", "UTF-16 (BOM)"),
    ],
)
def test_each_encoding_lands_the_same_rows(ledger, tmp_path, baseline, codec, label):
    text = (ledger / f"{ENTITY}.csv").read_text(encoding="utf-8")
    data = (
        "\ufeff".encode("utf-16-be") + text.encode("utf-16-be")
        if codec == "utf-16-be-bom"
        else text.encode(codec)
    )
    (ledger / f"{ENTITY}.csv").write_bytes(data)
    result = land(ledger, tmp_path)
    assert result.findings == []
    assert file_read(result).encoding == label
    assert landed(result) == baseline
    assert any("（国库集中支付）" in (row["summary"] or "") for row in baseline)  # Chinese text survives


def write_xlsx(
    path: Path, rows: list[list[str]], sheets: tuple[str, ...] = ("Sheet1",), above: int = 0
) -> None:
    workbook = openpyxl.Workbook()
    for index, name in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = name
        for _ in range(above):
            sheet.append(["2024年收入明细账（单位：元）"])
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def write_xls(path: Path, rows: list[list[str]]) -> None:
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("收入")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.save(str(path))


@pytest.mark.parametrize("file_format", ["tsv", "txt", "xlsx", "xls"])
def test_each_format_lands_the_same_rows(ledger, tmp_path, baseline, file_format):
    rows = example_rows()
    (ledger / f"{ENTITY}.csv").unlink()
    target = ledger / f"{ENTITY}.{file_format}"
    if file_format == "tsv":
        target.write_text(csv_text(rows, "\t"), encoding="utf-8")
    elif file_format == "txt":  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
        target.write_bytes(csv_text(rows, "\t").encode("utf-16"))
    elif file_format == "xlsx":
        write_xlsx(target, rows)
    else:
        write_xls(target, rows)
    result = land(ledger, tmp_path)
    assert result.findings == []
    assert landed(result) == baseline
    assert file_read(result).file_format == file_format


def test_excel_cells_are_read_as_a_person_reads_them(ledger, tmp_path):
    """Numbers typed as numbers (a code, a year, an amount), a date cell and a true/false cell."""
    import datetime as dt

    header = example_rows()[0]
    row = ["INC-1", "ZZGX-DSJ-01", 2022, dt.datetime(2022, 6, 30), "A-1", 2010302, "general_budget",
           "appropriation", 1234.5, "摘要"]  # fmt: skip
    (ledger / f"{ENTITY}.csv").unlink()
    write_xlsx(ledger / f"{ENTITY}.xlsx", [header, row, [*row[:-2], 12.345, "三位小数"]])
    (first, second) = landed(land(ledger, tmp_path))
    assert (first["fiscal_year"], first["posting_date"], first["function_code"], first["amount_yuan"]) == (
        "2022", "2022-06-30", "2010302", "1234.5"
    )  # fmt: skip
    # What the cell holds, not what a cell format shows: staging refuses it by name (I18), never
    # rounds it to 12.35.
    assert second["amount_yuan"] == "12.345"


def test_chinese_headers_in_any_order_land_the_same_rows(ledger, tmp_path, baseline):
    rows = example_rows()
    order = list(reversed(range(len(rows[0]))))
    translated = [[CHINESE[rows[0][i]] for i in order]] + [[row[i] for i in order] for row in rows[1:]]
    translated[0][0] = " 摘 要 "  # spaces anywhere in a header are ignored
    (ledger / f"{ENTITY}.csv").write_text(csv_text(translated), encoding="utf-8")
    result = land(ledger, tmp_path)
    assert result.findings == []
    assert landed(result) == baseline


def test_title_lines_above_the_header_and_blank_lines_are_not_read(ledger, tmp_path, baseline):
    rows = example_rows()
    write_xlsx(ledger / f"{ENTITY}.xlsx", [*rows[:3], [], *rows[3:]], above=2)
    (ledger / f"{ENTITY}.csv").unlink()
    result = land(ledger, tmp_path)
    read = file_read(result)
    assert (read.header_row, read.lines_not_read, read.rows) == (3, 3, len(rows) - 1)
    assert landed(result) == baseline
    numbers = pq.read_table(result.landing / f"{ENTITY}.parquet").column("source_row").to_pylist()
    assert numbers[:4] == [4, 5, 7, 8]  # the sheet's own row numbers, the blank row 6 skipped


def test_an_empty_file_is_landed_empty_for_the_rules_to_judge(ledger, tmp_path):
    (ledger / "projects.csv").write_bytes(b"")
    result = land(ledger, tmp_path)
    assert result.findings == []  # I37 (a warning) judges it in the build, beside the other files
    assert landed(result, "projects") == []


def test_every_alias_names_one_column_per_entity():
    contract = load_contract(PROJECT)
    with (PROJECT / "seeds/reference/ref_ledger_column_aliases.csv").open(encoding="utf-8") as handle:
        aliases = list(csv.DictReader(handle))
    for row in aliases:
        entities = contract.entities.values() if row["entity"] == "*" else [contract.entities[row["entity"]]]
        holders = [entity for entity in entities if row["column_name"] in {c.name for c in entity.columns}]
        assert holders, f"alias {row['alias']}: no entity has column {row['column_name']}"
        for entity in holders:
            assert entity.column_for(row["alias"]) == row["column_name"], (entity.name, row)
    assert header_key("金额（元）") == header_key(" 金额(元) ")


# Each file problem: the rule, the file and the line it names.
def bad_byte(folder: Path) -> None:
    data = (folder / f"{ENTITY}.csv").read_bytes().split(b"\n")
    data[4] = data[4].replace("收到".encode(), b"\xff\xfe", 1)
    (folder / f"{ENTITY}.csv").write_bytes(b"\n".join(data))


def stale_parquet(folder: Path) -> None:
    duckdb.sql(
        f"copy (from read_csv('{folder}/{ENTITY}.csv', all_varchar = true)) to '{folder}/{ENTITY}.parquet'"
    )


def rewrite(edit):
    def change(folder: Path) -> None:
        rows = example_rows()
        (folder / f"{ENTITY}.csv").write_text(csv_text(edit(rows)), encoding="utf-8")

    return change


def two_sheets(folder: Path) -> None:
    (folder / f"{ENTITY}.csv").unlink()
    write_xlsx(folder / f"{ENTITY}.xlsx", example_rows(), sheets=("收入", "支出"))


def corrupt_workbook(folder: Path) -> None:
    (folder / f"{ENTITY}.csv").unlink()
    (folder / f"{ENTITY}.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")


def missing(folder: Path) -> None:
    (folder / f"{ENTITY}.csv").rename(folder / f"{ENTITY}.docx")


CASES = {
    "a byte in no encoding": (bad_byte, [("I40", f"{ENTITY}.csv", 5)]),
    "a stale Parquet beside the CSV": (
        stale_parquet,
        [("I41", f"{ENTITY}.csv and {ENTITY}.parquet", None)],
    ),
    "a required column missing": (
        rewrite(lambda rows: [row[:-2] + row[-1:] for row in rows]),
        [("I42", f"{ENTITY}.csv", 1)],
    ),
    "no header line at all": (rewrite(lambda rows: rows[1:]), [("I42", f"{ENTITY}.csv", 1)]),
    "a line with fewer fields": (
        rewrite(lambda rows: [*rows[:7], rows[7][:-3], *rows[8:]]),
        [("I43", f"{ENTITY}.csv", 8)],
    ),
    "a line with more fields": (
        rewrite(lambda rows: [*rows[:9], [*rows[9], "多余"], *rows[10:]]),
        [("I43", f"{ENTITY}.csv", 10)],
    ),
    "a workbook that is not one": (corrupt_workbook, [("I43", f"{ENTITY}.xlsx", None)]),
    "no file, only another format": (missing, [("I44", None, None)]),
    "two sheets, none named": (two_sheets, [("I45", f"{ENTITY}.xlsx", None)]),
    "the header again (two files pasted)": (
        rewrite(lambda rows: rows[:20] + rows[:1] + rows[20:]),
        [("I46", f"{ENTITY}.csv", 21)],
    ),
    "one column twice": (
        rewrite(
            lambda rows: (
                [[*row, row[8]] for row in rows[:1]] + [[*row, row[8]] for row in rows[1:]]
                if False
                else [[*rows[0], "金额"]] + [[*row, row[8]] for row in rows[1:]]
            )
        ),
        [("I47", f"{ENTITY}.csv", 1)],
    ),
    "a column beyond the contract": (
        rewrite(lambda rows: [[*rows[0], "备注"]] + [[*row, ""] for row in rows[1:]]),
        [("I48", f"{ENTITY}.csv", 1)],
    ),
    "an amount column in 万元": (
        rewrite(lambda rows: [[*rows[0][:8], "金额（万元）", rows[0][9]], *rows[1:]]),
        [("I42", f"{ENTITY}.csv", 1), ("I49", f"{ENTITY}.csv", 1)],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_file_problem_is_a_finding_of_its_rule(ledger, tmp_path, case):
    change, expected = CASES[case]
    change(ledger)
    result = land(ledger, tmp_path)
    assert sorted(found(result)) == sorted(expected)
    rules = load_contract(PROJECT).rules
    for item in result.findings:
        assert item.entity == ENTITY and item.problem
        assert rules[item.rule_id].message  # a rule of the catalogue, with its message
    # A refused file is landed empty, so the project compiles and the build stops on the rule.
    assert (result.landing / f"{ENTITY}.parquet").exists()


def test_the_findings_name_what_the_user_must_fix(ledger, tmp_path):
    stale_parquet(ledger)
    (ledger / "notes.docx").write_bytes(b"")
    result = land(ledger, tmp_path)
    (finding,) = result.findings
    assert finding.source_file == f"{ledger}/{ENTITY}.csv and {ledger}/{ENTITY}.parquet"
    assert result.not_read == ["notes.docx"]
    bad_byte(ledger)
    (ledger / f"{ENTITY}.parquet").unlink()
    (finding,) = land(ledger, tmp_path).findings
    assert finding.value_as_given.startswith("ff fe")


def test_the_progress_bar_is_for_a_terminal_only(monkeypatch):
    """Reading a long file shows a progress bar on a terminal; a log or a pipe gets none."""
    import sys

    from juesuan.ingest.landing import progress

    class Terminal:
        def __init__(self, stream):
            self.stream = stream

        def isatty(self):
            return True

        def __getattr__(self, name):
            return getattr(self.stream, name)

    assert progress(Path("vouchers.csv"), None).disable
    monkeypatch.setattr(sys, "stdout", Terminal(sys.stdout))
    assert progress(Path("vouchers.csv"), None).disable  # stderr, where the bar goes, is not one
    monkeypatch.setattr(sys, "stderr", Terminal(sys.stderr))
    bar = progress(Path("vouchers.xlsx"), "凭证明细账")
    assert not bar.disable and bar.desc == "  reading vouchers.xlsx [凭证明细账]"
    bar.close()
