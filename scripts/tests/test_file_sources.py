"""Ledgers read from files (dbt source `ledger`): a generated multi-department, multi-year ledger
builds every table and passes every test; CSV reads like Parquet; a missing file is named."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import duckdb
import pytest
from conftest import copy_project, failed

from juesuan.dbt_runner import run_dbt
from juesuan.generate import Shape, generate

SHAPE = Shape(departments=3, units_per_department=2, lines_per_unit=80, years=[2022, 2023])


def dbt(project: Path, ledger: Path, *args: str) -> subprocess.CompletedProcess:
    return run_dbt(list(args), project=project, warehouse=project / "warehouse.duckdb", ledger=ledger)


def statuses(project: Path) -> dict[str, str]:
    results = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    return {result["unique_id"].split(".")[2]: result["status"] for result in results}


def ledger_without(ledger: Path, folder: Path, name: str) -> Path:
    """A ledger folder holding links to every file of ``ledger`` except ``name``."""
    folder.mkdir()
    for path in ledger.iterdir():
        if path.name != name:
            (folder / path.name).symlink_to(path)
    return folder


def compiled_staging(project: Path, ledger: Path, command: str, target: Path) -> str:
    """Run ``command`` (run or compile) on the spending entries' staging model over ``ledger``;
    return the SQL dbt compiled for it."""
    completed = dbt(
        project, ledger, command, "--select", "stg_ledger__expenditure_entries", "--target-path", str(target)
    )
    assert completed.returncode == 0, completed.stdout
    return next(target.rglob("stg_ledger__expenditure_entries.sql")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project built over a generated Parquet ledger (3 departments, 2 years)."""
    root = tmp_path_factory.mktemp("file-sources")
    ledger = root / "ledger"
    generate(ledger, SHAPE, seed=3, progress=False)
    project = copy_project(root / "project")
    completed = dbt(project, ledger, "build")
    if not (project / "target" / "run_results.json").exists():
        raise AssertionError(f"dbt did not run:\n{completed.stdout}\n{completed.stderr}")
    return project, ledger


def test_a_generated_ledger_passes_every_test(built):
    project, _ = built
    results = statuses(project)
    assert failed(results) == set()
    assert {name for name, status in results.items() if status == "warn"} == set()
    assert results["assert_ledger_totals_reach_the_tables"] == "pass"
    assert results["rpt_disclosure_cells"] == "success"


def test_every_table_for_every_department_unit_and_year(built):
    project, _ = built
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        scopes = connection.execute(
            "select count(distinct (department_code, unit_code, fiscal_year)), count(distinct table_no) "
            "from disclosure.rpt_disclosure_cells"
        ).fetchall()
        ledger_total = connection.execute(
            "select sum(amount_yuan) from disclosure.rpt_disclosure_cells "
            "where table_no = '01' and line_no = 58 and unit_code is null"
        ).fetchall()
    # 6 units and 3 departments, 2 years each; all nine tables.
    assert scopes == [((6 + 3) * 2, 9)]
    _, ledger = built
    spent = duckdb.sql(f"select sum(amount_yuan) from read_parquet('{ledger}/expenditure_entries.parquet')")
    assert ledger_total == spent.fetchall()


def test_csv_files_read_like_parquet(built, tmp_path):
    project, ledger = built
    csv_ledger = tmp_path / "csv"
    generate(csv_ledger, SHAPE, file_format="csv", seed=3, progress=False)
    completed = dbt(
        project, csv_ledger, "run", "--select", "staging", "--target-path", str(tmp_path / "target")
    )
    assert completed.returncode == 0, completed.stdout
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        # The contract's columns, as the files hold them (staging adds source_file and the
        # as-given text of codes and amounts).
        columns = ", ".join(
            duckdb.sql(f"select * from read_parquet('{ledger}/expenditure_entries.parquet') limit 0").columns
        )
        staged = connection.execute(
            f"select {columns} from staging.stg_ledger__expenditure_entries order by entry_id"
        ).fetchall()
        types = connection.execute(
            "select typeof(initial_budget_yuan), typeof(function_code) from staging.stg_ledger__budget_lines limit 1"
        )
        assert types.fetchall() == [("DECIMAL(18,2)", "VARCHAR")]
    from_parquet = duckdb.sql(
        f"select * from read_parquet('{ledger}/expenditure_entries.parquet') order by entry_id"
    ).fetchall()
    assert staged == from_parquet


def test_a_missing_file_is_named(built, tmp_path):
    project, ledger = built
    partial = ledger_without(ledger, tmp_path / "partial", "projects.parquet")
    completed = dbt(
        project, partial, "run", "--select", "stg_ledger__projects", "--target-path", str(tmp_path / "t")
    )
    assert completed.returncode != 0
    assert f"neither {partial}/projects.parquet nor {partial}/projects.csv exists" in completed.stdout


@pytest.mark.parametrize("amount_type", ["decimal(18, 3)", "double"])
def test_amounts_typed_wider_than_cents_are_read_as_text_and_checked(built, tmp_path, amount_type):
    """Only a Parquet amount typed DECIMAL(p <= 18, s <= 2) is cast directly. A wider DECIMAL is
    read when its value is whole cents (123.450) and a floating-point amount through its text;
    either way a third decimal is not rounded away but left for rule I18 to name."""
    project, ledger = built
    typed = ledger_without(ledger, tmp_path / "typed", "expenditure_entries.parquet")
    source = ledger / "expenditure_entries.parquet"
    duckdb.sql(
        f"""copy (
                select * replace (
                    cast(case when entry_id = (select min(entry_id) from '{source}') then 10.005
                         else amount_yuan end as {amount_type}) as amount_yuan)
                from '{source}'
            ) to '{typed}/expenditure_entries.parquet' (format parquet)"""
    )
    compiled = compiled_staging(project, typed, "run", tmp_path / "target")
    assert ("regexp_matches" in compiled) == (amount_type == "double")  # the text path
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        first = connection.execute(
            "select amount_yuan, amount_yuan_as_given from staging.stg_ledger__expenditure_entries "
            "order by entry_id limit 1"
        ).fetchone()
        unread = connection.execute(
            "select count(*) from staging.stg_ledger__expenditure_entries where amount_yuan is null"
        ).fetchone()[0]
    assert first[0] is None and float(first[1]) == 10.005
    assert unread == 1  # every other amount has at most two decimals and is read


def test_amounts_typed_in_cents_are_cast_without_the_text_path(built, tmp_path):
    project, ledger = built
    types = duckdb.sql(f"describe select amount_yuan from '{ledger}/expenditure_entries.parquet'").fetchall()
    assert types[0][1] == "DECIMAL(18,2)"  # what the generator writes
    compiled = compiled_staging(project, ledger, "compile", tmp_path / "target")
    assert "cast(amount_yuan as decimal(18, 2)) as amount_yuan" in compiled
    assert "regexp_matches" not in compiled


# Key columns written as an office's spreadsheet may leave them: a trailing space, a leading one.
PADDED_KEYS = {"units": "unit_code", "departments": "department_code", "projects": "project_code"}


def shuffled_csv_ledger(ledger: Path, folder: Path, seed: int) -> Path:
    """Every file of a CSV ledger with its columns (headers with them) in another order, plus a
    column the contract does not know; the keys of units, departments and projects padded."""
    folder.mkdir()
    order = random.Random(seed)
    for path in sorted(ledger.glob("*.csv")):
        columns = duckdb.sql(f"select * from read_csv('{path}', all_varchar = true) limit 0").columns
        order.shuffle(columns)
        padded = PADDED_KEYS.get(path.stem)
        selected = [f"' ' || {c} || '  ' as {c}" if c == padded else c for c in columns]
        duckdb.sql(
            f"copy (select {', '.join(selected)}, '备注' as remark from read_csv('{path}', all_varchar = true)) "
            f"to '{folder / path.name}' (header, delimiter ',')"
        )
    return folder


def test_columns_are_read_by_header_name_in_any_order(built, tmp_path):
    """Shuffling the columns of every file, headers with them, gives identical tables; a column
    beyond the contract is left out and named once; keys are trimmed in every file alike."""
    project, _ = built
    csv_ledger = tmp_path / "csv"
    generate(csv_ledger, SHAPE, file_format="csv", seed=3, progress=False)
    shuffled = shuffled_csv_ledger(csv_ledger, tmp_path / "shuffled", seed=11)

    def header(folder: Path) -> str:
        return (folder / "budget_lines.csv").read_text(encoding="utf-8").splitlines()[0]

    assert header(shuffled) != header(csv_ledger)
    other = copy_project(tmp_path / "project")
    completed = dbt(other, shuffled, "build")
    assert failed(statuses(other)) == set(), completed.stdout
    assert f"ledger file {shuffled}/income_entries.csv: columns not in the contract, not read: remark" in (
        completed.stdout
    )
    query = "select * exclude (department_name) from disclosure.rpt_disclosure_cells order by all"
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        expected = connection.execute(query).fetchall()
    with duckdb.connect(str(other / "warehouse.duckdb"), read_only=True) as connection:
        actual = connection.execute(query).fetchall()
    assert len(actual) > 0 and actual == expected


def staging_run(project: Path, ledger: Path, entity: str, target: Path) -> subprocess.CompletedProcess:
    return dbt(project, ledger, "run", "--select", f"stg_ledger__{entity}", "--target-path", str(target))


def test_two_files_for_one_entity_are_refused_naming_both(built, tmp_path):
    """An old Parquet left beside a new CSV is never read silently."""
    project, ledger = built
    folder = ledger_without(ledger, tmp_path / "two", "")
    duckdb.sql(f"copy (from '{ledger}/income_entries.parquet') to '{folder}/income_entries.csv' (header)")
    completed = staging_run(project, folder, "income_entries", tmp_path / "t")
    assert completed.returncode != 0
    assert (
        f"ledger file ambiguous: {folder}/income_entries.csv and {folder}/income_entries.parquet "
        "are both income_entries" in completed.stdout
    )


def test_a_file_that_is_not_read_is_named(built, tmp_path):
    project, ledger = built
    folder = ledger_without(ledger, tmp_path / "xlsx", "projects.parquet")
    (folder / "projects.xlsx").write_bytes(b"PK\x03\x04")
    completed = staging_run(project, folder, "projects", tmp_path / "t")
    assert completed.returncode != 0
    assert f"Found {folder}/projects.xlsx, which is not read: save it as CSV (UTF-8) or Parquet" in (
        completed.stdout
    )


def test_a_missing_column_is_named_with_the_file(built, tmp_path):
    project, ledger = built
    folder = ledger_without(ledger, tmp_path / "missing", "projects.parquet")
    duckdb.sql(
        f"copy (select * exclude (project_name) from '{ledger}/projects.parquet') to '{folder}/projects.csv' (header)"
    )
    completed = staging_run(project, folder, "projects", tmp_path / "t")
    assert completed.returncode != 0
    assert f"ledger file {folder}/projects.csv lacks column project_name" in completed.stdout


def test_an_empty_file_is_named(built, tmp_path):
    project, ledger = built
    folder = ledger_without(ledger, tmp_path / "empty", "projects.parquet")
    (folder / "projects.csv").write_bytes(b"")
    completed = staging_run(project, folder, "projects", tmp_path / "t")
    assert completed.returncode != 0
    assert f"ledger file empty: {folder}/projects.csv has no header line" in completed.stdout


def test_a_header_only_income_file_stops_the_build_by_rule(built, tmp_path):
    """All income gone (a file with only its header) must not publish a negative 年末结转和结余:
    I35 names the file, no table is built, and the summary does not
    say 审核通过."""
    _, ledger = built
    folder = ledger_without(ledger, tmp_path / "header-only", "income_entries.parquet")
    duckdb.sql(
        f"copy (from '{ledger}/income_entries.parquet' limit 0) to '{folder}/income_entries.csv' (header)"
    )
    other = copy_project(tmp_path / "project")
    completed = dbt(other, folder, "build")
    results = statuses(other)
    assert failed(results) == {"i35_income_file_has_rows"}
    assert results["rpt_disclosure_cells"] == "skipped"
    with duckdb.connect(str(other / "warehouse.duckdb"), read_only=True) as connection:
        # Errors only: a 年末结转和结余 gone negative without the income warns I31 beside it.
        found = connection.execute(
            "select rule_id, source_file from audit.audit_findings where severity = 'error'"
        ).fetchall()
    assert found == [("I35", f"{folder}/income_entries.csv")]
    assert "审核通过" not in completed.stdout
    assert "审核未完成 audit incomplete" in completed.stdout
    assert f"        {folder}/income_entries.csv: " in completed.stdout  # the findings themselves
