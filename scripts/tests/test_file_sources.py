"""Ledgers read from files (dbt source `ledger`, through the ingest step): a generated
multi-department, multi-year ledger builds every table and passes every test; CSV reads like
Parquet; the files an office writes (other encodings, formats, headers, date spellings) build the
same tables; a file problem or an unreadable value stops every table by its named rule, with
file and row. The ingest step alone: test_ingest.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
import subprocess
from pathlib import Path

import duckdb
import openpyxl
import pytest
import xlwt
from conftest import PROJECT, PROVEN, copy_project, failed

from juesuan.dbt_runner import run_dbt
from juesuan.generate import ENTITIES, Shape, generate
from juesuan.ingest.contract import preferred_headers

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
    # The column beyond the contract is named once per file, as a warning (I48), and not read.
    assert {name for name, status in statuses(other).items() if status == "warn"} == {
        "i48_only_contract_columns"
    }
    assert completed.stdout.count("columns not in the contract, not read: remark") == 5  # the 5 shown
    PROVEN["extra columns"] = {"I48"}
    query = "select * exclude (department_name) from disclosure.rpt_disclosure_cells order by all"
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        expected = connection.execute(query).fetchall()
    with duckdb.connect(str(other / "warehouse.duckdb"), read_only=True) as connection:
        actual = connection.execute(query).fetchall()
    assert len(actual) > 0 and actual == expected


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


# The spellings of a date an office writes, cycled over the spending lines (all 2022-07-05).
DATE_SPELLINGS = [
    "{y}{m:02d}{d:02d}",
    "{y}.{m:02d}.{d:02d}",
    "{y}/{m}/{d}",
    "{y}年{m}月{d}日",
    "serial",
    "{y}-{m}-{d}",
]


def spelled(iso: str, index: int) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    spelling = DATE_SPELLINGS[index % len(DATE_SPELLINGS)]
    if spelling == "serial":  # an Excel date serial: days since 1899-12-30
        return str((dt.date(year, month, day) - dt.date(1899, 12, 30)).days)
    return spelling.format(y=year, m=month, d=day)


def office_ledger(csv_ledger: Path, folder: Path) -> Path:
    """The same ledger as an office hands it over: every file in another encoding or format, with
    Chinese headers, other column orders, title lines, dates, years and yes/no as people write them."""
    folder.mkdir()

    def rows(entity: str) -> list[dict[str, str]]:
        with (csv_ledger / f"{entity}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def text(header: list[str], body: list[list[str]], delimiter: str = ",") -> str:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([header, *body])
        return out.getvalue()

    # Income: GBK (Excel on a Chinese Windows), Chinese headers in reverse order, 2022年6月30日.
    income = rows("income_entries")
    names = preferred_headers(PROJECT, "income_entries")
    columns = list(reversed(list(income[0])))
    body = [[spelled(row[c], 3) if c == "posting_date" else row[c] for c in columns] for row in income]
    (folder / "income_entries.csv").write_bytes(text([names[c] for c in columns], body).encode("gbk"))
    # Spending: Excel's "Unicode text" (UTF-16, tabs), every date spelling, years as 2022年.
    spending = rows("expenditure_entries")
    columns = list(spending[0])
    body = [
        [
            spelled(row[c], i) if c == "posting_date" else (row[c] + "年" if c == "fiscal_year" else row[c])
            for c in columns
        ]
        for i, row in enumerate(spending)
    ]
    (folder / "expenditure_entries.txt").write_bytes(text(columns, body, "\t").encode("utf-16"))
    # Units: a workbook with a title line, 是/否 for the body flag.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "units"
    sheet.append(["单位基本信息（2022年）"])
    units = rows("units")
    sheet.append(["单位代码", "单位名称", "部门代码", "单位类型", "是否本级"])
    for row in units:
        flag = "是" if row["is_department_body"] == "true" else "否"
        sheet.append(
            [row["unit_code"], row["unit_name"], row["department_code"], row["unit_type_code"], flag]
        )
    workbook.save(folder / "units.xlsx")
    # Budget: the two budget columns in the other order (silent case 1 of the issue).
    budget = rows("budget_lines")
    columns = [c for c in budget[0] if c not in ("initial_budget_yuan", "final_budget_yuan")]
    columns += ["全年预算数", "年初预算数"]
    source = {"全年预算数": "final_budget_yuan", "年初预算数": "initial_budget_yuan"}
    body = [[row[source.get(c, c)] for c in columns] for row in budget]
    (folder / "budget_lines.csv").write_text(text(columns, body), encoding="utf-8-sig")
    # Projects: an old .xls workbook; balances: a .tsv; departments as they are.
    projects = rows("projects")
    book = xlwt.Workbook()
    xls = book.add_sheet("项目")
    for r, values in enumerate([list(projects[0]), *[list(row.values()) for row in projects]]):
        for c, value in enumerate(values):
            xls.write(r, c, value)
    book.save(str(folder / "projects.xls"))
    balances = rows("balance_entries")
    (folder / "balance_entries.tsv").write_text(
        text(list(balances[0]), [list(row.values()) for row in balances], "\t"), encoding="utf-8"
    )
    shutil.copy(csv_ledger / "departments.csv", folder / "departments.csv")
    return folder


def test_an_office_ledger_builds_the_same_tables(built, tmp_path):
    """GBK, UTF-16 text, xlsx with a title line, xls, tsv, a BOM; Chinese headers in any order;
    every date spelling, 2022年, 是/否; the budget columns swapped: identical tables, and the
    build says which file was read in which encoding."""
    project, _ = built
    csv_ledger = tmp_path / "csv"
    generate(csv_ledger, SHAPE, file_format="csv", seed=3, progress=False)
    office = office_ledger(csv_ledger, tmp_path / "office")
    other = copy_project(tmp_path / "project")
    completed = dbt(other, office, "build")
    assert failed(statuses(other)) == set(), completed.stdout
    query = "select * exclude (department_name) from disclosure.rpt_disclosure_cells order by all"
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        expected = connection.execute(query).fetchall()
    with duckdb.connect(str(other / "warehouse.duckdb"), read_only=True) as connection:
        actual = connection.execute(query).fetchall()
        read = dict(connection.execute("select entity, encoding from staging.stg_ledger__files").fetchall())
    assert len(actual) > 0 and actual == expected
    assert read["income_entries"] == "GB18030" and read["expenditure_entries"] == "UTF-16 (BOM)"
    assert read["budget_lines"] == "UTF-8 (BOM)" and read["units"] is None  # a workbook has no encoding


def test_file_problems_stop_every_table_by_rule(built, tmp_path):
    """One folder, a problem in each of six files: each is its rule's finding with file and line
    in audit.audit_findings and on the console; no ledger staging model and no table is built;
    no DuckDB reader error reaches the user and nothing says 审核通过."""
    _project, ledger = built
    folder = ledger_without(ledger, tmp_path / "broken", "")
    # A stale CSV beside the Parquet (I41); a workbook of two sheets, neither named (I45).
    duckdb.sql(f"copy (from '{ledger}/income_entries.parquet') to '{folder}/income_entries.csv' (header)")
    (folder / "projects.parquet").unlink()
    workbook = openpyxl.Workbook()
    workbook.active.title = "2022"
    workbook.create_sheet("2023")
    workbook.save(folder / "projects.xlsx")
    # A budget CSV whose 全年预算数 is in 万元 (I49), so the column in 元 is missing (I42); spending
    # pasted twice, header included (I46), one line cut short (I43); department code twice (I47).
    (folder / "budget_lines.parquet").unlink()
    duckdb.sql(
        f"copy (select * rename (final_budget_yuan as \"全年预算数（万元）\") from '{ledger}/budget_lines.parquet') "
        f"to '{folder}/budget_lines.csv' (header)"
    )
    (folder / "expenditure_entries.parquet").unlink()
    duckdb.sql(f"copy (from '{ledger}/expenditure_entries.parquet') to '{tmp_path}/spending.csv' (header)")
    lines = (tmp_path / "spending.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].rsplit(",", 2)[0]
    (folder / "expenditure_entries.csv").write_text("\n".join(lines + lines) + "\n", encoding="utf-8")
    (folder / "departments.parquet").unlink()
    duckdb.sql(
        f"copy (select department_code, department_name, department_code as 部门代码 from '{ledger}/departments.parquet') "
        f"to '{folder}/departments.csv' (header)"
    )
    # A units file with a byte of no encoding on line 3 (I40); balances only as a .docx (I44).
    (folder / "units.parquet").unlink()
    duckdb.sql(f"copy (from '{ledger}/units.parquet') to '{tmp_path}/units.csv' (header)")
    data = (tmp_path / "units.csv").read_bytes().split(b"\n")
    data[2] = data[2] + b"\xff"
    (folder / "units.csv").write_bytes(b"\n".join(data))
    (folder / "balance_entries.parquet").unlink()
    (folder / "balance_entries.docx").write_bytes(b"")

    other = copy_project(tmp_path / "project")
    completed = dbt(other, folder, "build")
    results = statuses(other)
    assert failed(results) == {
        "i40_file_decodes", "i41_one_file_per_entity", "i42_required_columns_present", "i43_file_well_formed",
        "i44_file_present", "i45_sheet_determined", "i46_header_not_repeated", "i47_column_given_once",
        "i49_amounts_in_yuan",
    }  # fmt: skip
    # Every model that reads a ledger file (the books' too) is skipped; only the two that say what
    # was read and what is wrong with it are built.
    ledger_models = {name for name in results if name.startswith("stg_ledger__")}
    assert {"stg_ledger__file_findings", "stg_ledger__files"} < ledger_models
    assert {name for name in ledger_models if results[name] != "success"} == ledger_models - {
        "stg_ledger__file_findings",
        "stg_ledger__files",
    }
    assert {f"stg_ledger__{entity}" for entity in ENTITIES} <= ledger_models
    assert results["rpt_disclosure_cells"] == "skipped"
    with duckdb.connect(str(other / "warehouse.duckdb"), read_only=True) as connection:
        rows = connection.execute(
            "select rule_id, replace(source_file, ?, ''), source_row from audit.audit_findings order by rule_id, source_row",
            [f"{folder}/"],
        ).fetchall()
    assert rows == [
        ("I40", "units.csv", 3),
        ("I41", "income_entries.csv and income_entries.parquet", None),
        ("I42", "budget_lines.csv", 1),
        ("I43", "expenditure_entries.csv", 6),
        ("I43", "expenditure_entries.csv", len(lines) + 6),
        ("I44", None, None),
        ("I45", "projects.xlsx", None),
        ("I46", "expenditure_entries.csv", len(lines) + 1),
        ("I47", "departments.csv", 1),
        ("I49", "budget_lines.csv", 1),
    ]
    PROVEN["file problems"] = {rule_id for rule_id, _, _ in rows}
    console = completed.stdout
    assert f"{folder}/units.csv 第3行: bytes that are neither UTF-8 nor GB18030" in console
    assert f"{folder}/expenditure_entries.csv 第{len(lines) + 1}行: the header line again" in console
    assert "no file for balance_entries" in console and "found balance_entries.docx" in console
    assert "审核通过" not in console and "审核未完成 audit incomplete" in console
    for reader_error in ("Invalid Input Error", "Conversion Error", "Binder Error", "Runtime Error"):
        assert reader_error not in console


def test_values_no_rule_can_read_are_named_by_row(built, tmp_path):
    """A date with month and day in doubt, a day that does not exist, a year in words, a yes/no
    that is neither: each its rule's finding with the file and line; no table is built."""
    _, _ledger = built
    csv_ledger = tmp_path / "csv"
    generate(csv_ledger, SHAPE, file_format="csv", seed=3, progress=False)

    def edit(entity: str, changes: dict[int, dict[str, str]]) -> None:
        path = csv_ledger / f"{entity}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for index, change in changes.items():
            rows[index].update(change)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)

    edit("expenditure_entries", {0: {"posting_date": "07/05/2022"}, 1: {"posting_date": "2022-02-30"}})
    edit("income_entries", {2: {"fiscal_year": "二〇二二"}})
    edit("units", {0: {"is_department_body": "maybe"}})
    other = copy_project(tmp_path / "project")
    completed = dbt(other, csv_ledger, "build")
    assert failed(statuses(other)) == {
        "i33_expenditure_posting_date_is_readable",
        "i34_income_fiscal_year_is_readable",
        "i38_unit_is_department_body_is_readable",
    }, completed.stdout
    assert statuses(other)["rpt_disclosure_cells"] == "skipped"
    with duckdb.connect(str(other / "warehouse.duckdb"), read_only=True) as connection:
        rows = connection.execute(
            "select rule_id, replace(source_file, ?, ''), source_row from audit.audit_findings order by all",
            [f"{csv_ledger}/"],
        ).fetchall()
    assert rows == [
        ("I33", "expenditure_entries.csv", 2),
        ("I33", "expenditure_entries.csv", 3),
        ("I34", "income_entries.csv", 4),
        ("I38", "units.csv", 2),
    ]
    assert "posting_date_as_given=07/05/2022" in completed.stdout
    PROVEN["unreadable values"] = {rule_id for rule_id, _, _ in rows}


def test_books_beside_lines_files_are_refused(tmp_path):
    """A folder is read through one door: the example's books (vouchers, trial balance, budget
    targets) with an income lines file beside them would count that income twice or not at all;
    I61 names the file and no table is built."""
    from juesuan.vouchers import write_books

    folder = tmp_path / "both"
    write_books(folder)
    shutil.copyfile(PROJECT / "seeds/example/example_income_entries.csv", folder / "income_entries.csv")
    other = copy_project(tmp_path / "project")
    completed = dbt(other, folder, "build")
    results = statuses(other)
    assert failed(results) == {"i61_one_door_per_folder"}, completed.stdout[-3000:]
    assert results["rpt_disclosure_cells"] == "skipped"
    assert f"{folder}/income_entries.csv beside the books (vouchers)" in completed.stdout
    PROVEN["doors"] = {"I61"}
