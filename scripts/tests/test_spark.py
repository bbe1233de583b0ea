"""The project on Apache Spark (run by .ci/run after the Spark build; docs/scale-out.md): ledgers
given as a FOLDER of files (`juesuan build --ledger DIR --target spark`: GB18030 CSV, xlsx and a
Parquet file read in place) build the same tables and the same findings on Spark as on DuckDB;
bad input is named by the same rules, with the same file and row: the input rules, not an
engine's casts, name every bad value (DECISIONLOG §25).

Two Spark builds, one per door: the bad-input ledger through the contract's files, and the
example's books (the voucher door), each against a DuckDB build of the same folder.

Skipped unless JUESUAN_SPARK_TESTS is set: it needs the `spark` extra and Java 17, and a Spark
build takes minutes (`make test` does not install them)."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import PROJECT, copy_project
from ledger_cases import LEDGER_FILES, corrupt_first_layer, read_rows

from juesuan.build import main as juesuan_build
from juesuan_dev.compare_targets import differences, duckdb_rows

pytestmark = pytest.mark.skipif(
    not os.environ.get("JUESUAN_SPARK_TESTS"),
    reason="no Spark (JUESUAN_SPARK_TESTS unset; .ci/run sets it after installing the spark extra)",
)


def write_csv(path: Path, fields: list[str], rows: list[dict[str, str]], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def write_text_parquet(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """A Parquet file of text columns, as a system exports one: read in place by the build."""
    table = pa.table({field: pa.array([row[field] or None for row in rows], pa.string()) for field in fields})
    pq.write_table(table, path)


def contract_folder(project: Path, folder: Path) -> Path:
    """The project's (corrupted) example ledger as an office's folder: the spending lines, which
    carry the bad amounts, as GB18030 CSV; the units (one entered twice) as a workbook; the income
    lines (one entered twice) as Parquet, read in place; the rest as UTF-8 CSV."""
    folder.mkdir()
    for entity in LEDGER_FILES:
        fields, rows = read_rows(project, entity)
        if entity == "expenditure_entries":
            write_csv(folder / f"{entity}.csv", fields, rows, "gb18030")
        elif entity == "income_entries":
            write_text_parquet(folder / f"{entity}.parquet", fields, rows)
        elif entity == "units":
            workbook = openpyxl.Workbook()
            sheet = workbook.active
            sheet.append(fields)
            for row in rows:
                sheet.append([row[field] for field in fields])
            workbook.save(folder / f"{entity}.xlsx")
        else:
            write_csv(folder / f"{entity}.csv", fields, rows, "utf-8")
    return folder


def books_folder(folder: Path) -> Path:
    """The example's books in three formats: vouchers as GB18030 CSV (examples/books-gb18030), the
    trial balance as a workbook with a title line (examples/books), the budget targets as Parquet
    with Chinese column names, read in place."""
    shutil.copytree(PROJECT / "examples" / "books-gb18030", folder)
    (folder / "trial_balance.csv").unlink()
    shutil.copy(PROJECT / "examples" / "books" / "trial_balance.xlsx", folder)
    targets = folder / "budget_targets.csv"
    with targets.open(encoding="gb18030", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    write_text_parquet(folder / "budget_targets.parquet", fields, rows)
    targets.unlink()
    return folder


def build_both(project: Path, ledger: Path) -> list[int]:
    """One `juesuan build --ledger` on DuckDB (project/warehouse.duckdb) and one on Spark, each
    with its own target folder and landing; their exit codes."""
    common = [
        "--ledger",
        str(ledger),
        "--project-dir",
        str(project),
        "--db",
        str(project / "warehouse.duckdb"),
    ]
    return [
        juesuan_build([*common, "--target-path", str(project / "target" / target), "--target", target])
        for target in ("dev", "spark")
    ]


def test_a_bad_ledger_folder_gives_the_same_findings_on_spark(tmp_path, monkeypatch, capfd):
    project = copy_project(tmp_path / "project")
    # The copy's own Spark warehouse and metastore, for its build and for the comparison.
    monkeypatch.setenv("JUESUAN_SPARK_HOME", str(project / "target" / "spark-home"))
    corrupt_first_layer(project)
    ledger = contract_folder(project, tmp_path / "ledger")
    build_both(project, ledger)
    duckdb_path = project / "warehouse.duckdb"
    console = capfd.readouterr().out
    # The input rules fail, so each build fails; what matters is that both got to the audit hook.
    assert console.count("审核发现 audit findings") == 2, console[-6000:]
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        named = connection.execute(
            "select distinct rule_id, source_file from audit.audit_findings where rule_id in ('I17', 'I18', 'I20', 'I26')"
        ).fetchall()
    # The bad amounts of the GB18030 CSV, the income line of the Parquet file read in place and
    # the unit of the workbook, each named with its file (and row: compared below).
    assert {(rule, Path(source).name) for rule, source in named} >= {
        ("I17", "expenditure_entries.csv"),
        ("I18", "expenditure_entries.csv"),
        ("I20", "income_entries.parquet"),
        ("I26", "units.xlsx"),
    }, named
    assert differences(duckdb_path, "audit.audit_findings", "spark", project) == []


def test_the_books_from_files_build_the_same_tables_on_spark(tmp_path, monkeypatch, capfd):
    """The voucher door on Spark: the same disclosure cells and findings as DuckDB's."""
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("JUESUAN_SPARK_HOME", str(project / "target" / "spark-home"))
    exit_codes = build_both(project, books_folder(tmp_path / "books"))
    duckdb_path = project / "warehouse.duckdb"
    console = capfd.readouterr().out
    assert exit_codes == [0, 0], console[-6000:]
    assert console.count("budget_targets.parquet (read in place)") == 2, console[-6000:]
    _, cells = duckdb_rows(duckdb_path, "rpt_disclosure_cells")
    assert sum(cells.values()) > 0
    assert differences(duckdb_path, "rpt_disclosure_cells", "spark", project) == []
    assert differences(duckdb_path, "audit.audit_findings", "spark", project) == []
