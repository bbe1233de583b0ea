"""Every rule of the catalogue is proven: a corrupted copy makes exactly the expected rules fail.

Seven dbt runs cover all rules, because a failing input rule stops everything built on top of
it (DECISIONLOG.md §9), so rules at different depths need different builds:

1. reference code lists and raw ledger fields (R01-R04, I17-I20, I25, I26, I28, I30), and, in a
   build of their own, empty ledger files (I35-I37);
2. units (I02, I03);
3. classified ledger lines (I01, I04-I16, I21-I24, I27);
4. identities (T, X, W, C, P): a clean build of the example and of one copy per case, then one
   cell of that copy's tables is changed and the tests are run again. A valid ledger cannot break
   an identity (the tables are computed from it), so the proof corrupts the tables instead. The
   same build proves the plausibility warnings on department copies with one line more (I31, I32)
   and, by two offsetting flows written into int_ledger_flows, the scope bound (I29);
5. the books (issue 13), read through the voucher door, in two builds: the voucher fields and an
   unbalanced voucher (I17-I20, I28, I59), then lines that read well but cannot be classified
   (I50-I58, I60), with a department overlay row that must be taken.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import PROOF_BUILDS, PROVEN, copy_project, dbt_build, dbt_run, edit_csv, findings, rules_by
from ledger_cases import add_department_copies, append_rows, corrupt_first_layer, line, template
from voucher_cases import (
    LINE_EXPECTED,
    LINE_UNNAMED,
    OVERLAY,
    RAW_EXPECTED,
    RAW_UNNAMED,
    broken_books,
    line_cases,
    raw_cases,
)

from juesuan.dbt_runner import run_dbt
from juesuan_dev.rules import catalogue_from_manifest


# ---------------------------------------------------------------- build 1: first layer
@pytest.fixture(scope="module")
def first_layer(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("first") / "project")
    duplicate_id = corrupt_first_layer(project)
    dbt_build(project)
    return findings(project), duplicate_id


def test_first_layer_rules_fire_on_their_rows(first_layer):
    rows, duplicate_id = first_layer
    by_entry = rules_by([r for r in rows if r["entry_id"]], "entry_id")
    assert by_entry == {
        "CASE-I17": {"I17"},
        "CASE-I18": {"I18"},
        "CASE-I19": {"I19"},
        "CASE-I25": {"I25"},
        "CASE-I28": {"I28"},
        "CASE-I28-DIGITS": {"I28"},
        "CASE-I30a": {"I30"},
        "CASE-I30b": {"I30"},
        duplicate_id: {"I20"},  # the same id twice is I20's, not I30's
    }
    assert {r["rule_id"] for r in rows} == {
        "I17",
        "I18",
        "I19",
        "I20",
        "I25",
        "I26",
        "I28",
        "I30",
        "R01",
        "R02",
        "R03",
        "R04",
    }
    assert {r["severity"] for r in rows if r["rule_id"] == "I25"} == {"warn"}
    assert all(
        r["source_file"].endswith("example_expenditure_entries.csv")
        for r in rows
        if r["entry_id"] and r["entry_id"].startswith("CASE")
    )
    PROVEN["first"] = {r["rule_id"] for r in rows}


def test_empty_files_are_named(tmp_path):
    """Income, spending and project files with only their header beside a ledger that has budget
    lines: I35 and I36 stop the build, I37 warns; each names its file. (The example's balance
    file is empty already, and rightly raises nothing.)"""
    project = copy_project(tmp_path / "project")
    for entity in ("income_entries", "expenditure_entries", "projects"):
        path = project / "seeds" / "example" / f"example_{entity}.csv"
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    dbt_build(project)
    rows = findings(project)
    assert {(r["rule_id"], r["severity"], r["source_file"]) for r in rows} == {
        ("I35", "error", "seeds/example/example_income_entries.csv"),
        ("I36", "error", "seeds/example/example_expenditure_entries.csv"),
        ("I37", "warn", "seeds/example/example_projects.csv"),
    }
    PROVEN["empty files"] = {r["rule_id"] for r in rows}


# ---------------------------------------------------------------- build 2: units
def test_unit_rules_fire(tmp_path):
    project = copy_project(tmp_path / "project")
    unit = template(project, "units", unit_code="ZZGX-DSJ-02")
    append_rows(
        project,
        "units",
        [
            {**unit, "unit_code": "CASE-I02", "department_code": "NO-SUCH-DEPARTMENT"},
            {**unit, "unit_code": "CASE-I03", "unit_type_code": "no_such_type"},
        ],
    )
    dbt_build(project)
    rows = findings(project)
    assert rules_by(rows, "unit_code") == {"CASE-I02": {"I02"}, "CASE-I03": {"I03"}}
    PROVEN["units"] = {r["rule_id"] for r in rows}


def test_a_profile_not_valid_for_the_year_is_named(tmp_path):
    """The example's department says it publishes in shanghai-2024, a template first valid for
    2024, for its 2022 and 2023 books: I39 names each scope, and no table is built for it."""
    project = copy_project(tmp_path / "project")
    edit_csv(
        project / "seeds" / "example" / "example_departments.csv",
        lambda rows: [{**row, "profile_code": "shanghai-2024"} for row in rows],
    )
    statuses = dbt_build(project)
    rows = findings(project)
    assert {(r["rule_id"], r["fiscal_year"]) for r in rows} == {("I39", 2022), ("I39", 2023)}
    assert statuses["rpt_disclosure_cells"] == "skipped"
    PROVEN["profiles"] = {r["rule_id"] for r in rows}


# ---------------------------------------------------------------- build 3: classified lines
def test_line_rules_fire_each_on_its_own_line(tmp_path):
    project = copy_project(tmp_path / "project")
    exp, inc, bal, bud = "expenditure_entries", "income_entries", "balance_entries", "budget_lines"
    basic = dict(spending_type_code="basic_public", economic_code="30201", project_code="")
    append_rows(
        project,
        exp,
        [
            line(project, exp, "CASE-I01", unit_code="NO-SUCH-UNIT"),
            line(project, exp, "CASE-I04", function_code="2018888"),
            line(project, exp, "CASE-I05", function_code="20103"),
            line(project, exp, "CASE-I06", **{**basic, "economic_code": "30298"}),
            line(project, exp, "CASE-I07", **{**basic, "economic_code": "302"}),
            line(project, exp, "CASE-I08", spending_type_code="basic_personnel", economic_code="30201"),
            line(project, exp, "CASE-I09", fund_source_code="no_such_fund"),
            line(project, exp, "CASE-I12", spending_type_code="no_such_type"),
            line(
                project, exp, "CASE-I13", spending_type_code="project", economic_code="30227", project_code=""
            ),
            line(
                project,
                exp,
                "CASE-I14",
                spending_type_code="project",
                economic_code="30227",
                project_code="P-NONE",
            ),
            line(project, exp, "CASE-I15", fiscal_year="2031", posting_date="2031-03-01"),
            line(project, exp, "CASE-I16", posting_date="2022-12-31"),
            line(
                project,
                exp,
                "CASE-I21",
                **{**basic, "economic_code": "30217", "fund_source_code": "unit_funds"},
            ),
            line(project, exp, "CASE-I27", spending_type_code="remit_superior", economic_code="39999"),
        ],
    )
    append_rows(
        project,
        inc,
        [
            line(project, inc, "CASE-I10", income_type_code="no_such_type"),
            line(project, inc, "CASE-I11", income_type_code="superior_subsidy"),
        ],
    )
    balance = dict(unit_code="ZZGX-DSJ-01", fiscal_year="2023", function_code="2150101", amount_yuan="1.00")
    append_rows(
        project,
        bal,
        [
            dict(
                balance, entry_id="CASE-I22", balance_type_code="no_such_kind", fund_source_code="unit_funds"
            ),
            dict(
                balance,
                entry_id="CASE-I23",
                balance_type_code="use_of_surplus",
                fund_source_code="general_budget",
            ),
            dict(
                balance,
                entry_id="CASE-I23b",
                balance_type_code="surplus_distribution",
                fund_source_code="gov_fund_budget",
            ),
        ],
    )
    append_rows(project, bud, [line(project, bud, "CASE-I24", function_code="2018888")])
    dbt_build(project)
    rows = findings(project)
    expected = {
        f"CASE-{rule}": {rule}
        for rule in [
            "I01",
            "I04",
            "I05",
            "I06",
            "I07",
            "I08",
            "I09",
            "I10",
            "I11",
            "I12",
            "I13",
            "I14",
            "I15",
            "I16",
            "I21",
            "I22",
            "I23",
            "I24",
            "I27",
        ]
    }
    expected["CASE-I23b"] = {"I23"}
    assert rules_by(rows, "entry_id") == expected
    PROVEN["lines"] = {r["rule_id"] for r in rows}


# ---------------------------------------------------------------- build 5: the books
def build_books(tmp_path: Path, cases: list[dict[str, str]], tables: bool = False) -> tuple[Path, list[dict]]:
    """The example's books with `cases` appended, read through the voucher door; a department
    overlay maps 7901 for ZZGX-DSJ (voucher_cases.py)."""
    project = copy_project(tmp_path / "project")
    with (project / "seeds/reference/ref_budget_account_overlays.csv").open("a", encoding="utf-8") as handle:
        handle.write(OVERLAY)
    books = broken_books(tmp_path / "books", cases, tables)
    completed = run_dbt(["build"], project=project, warehouse=project / "warehouse.duckdb", ledger=books)
    (project / "console.txt").write_text(completed.stdout or "", encoding="utf-8")
    return project, findings(project)


def test_voucher_raw_field_rules_fire(tmp_path):
    project, rows = build_books(tmp_path, raw_cases())
    # The console names a finding on a group of rows (I59: one voucher) by the group's keys.
    console = (project / "console.txt").read_text(encoding="utf-8")
    i59 = console[console.index("I59 [error]") :].splitlines()[1]
    assert "vouchers" in i59 and "CASE-I59" in i59 and "difference" in i59, i59
    assert rules_by([r for r in rows if r["entry_id"]], "entry_id") == RAW_EXPECTED
    assert {
        (r["rule_id"], r["unit_code"], r["fiscal_year"]) for r in rows if not r["entry_id"]
    } == RAW_UNNAMED
    assert any("CASE-I59" in r["detail"] for r in rows if r["rule_id"] == "I59")
    PROVEN["books_raw"] = {r["rule_id"] for r in rows}


def test_voucher_line_rules_fire_each_on_its_own_line(tmp_path):
    project, rows = build_books(tmp_path, line_cases(), tables=True)
    assert rules_by([r for r in rows if r["entry_id"]], "entry_id") == LINE_EXPECTED
    # Each named finding says the file and the row its line was read from (the header is row 1).
    for row in rows:
        if row["entry_id"] and "/CASE-" in row["entry_id"]:
            assert row["source_file"].endswith("vouchers.csv") and row["source_row"] > 1, row
    assert {
        (r["rule_id"], r["unit_code"], r["fiscal_year"]) for r in rows if not r["entry_id"]
    } == LINE_UNNAMED
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        overlay = connection.sql(
            "select line_role, spending_type_code, fund_source_code, function_code, economic_code,"
            " is_department_overlay from intermediate.int_vouchers__lines_classified"
            " where voucher_no = 'CASE-OVERLAY' and account_code = '7901'"
        ).fetchall()
    # The combined 辅助核算 text read, the overlay row taken, 人员/公用 from the overlay's detail.
    assert overlay == [("expenditure", "basic_public", "unit_funds", "2010302", "30201", True)]
    PROVEN["books_lines"] = {r["rule_id"] for r in rows}


# ---------------------------------------------------------------- build 4: identities
# case department → (table, where, change) edits, and the rules that must then fail. Every cell is
# stored once (rpt_disclosure_cells; the nine tables are views of it), so a changed cell fails
# every rule it takes part in: its table's identities, the cross-table checks, conservation.
CELLS = "disclosure.rpt_disclosure_cells"


def chain(code: str) -> str:
    """A 项 and all rows above it, as a SQL list: changing one column on all keeps roll-ups whole."""
    return f"(row_code in ('{code}', '{code[:5]}', '{code[:3]}') or row_code is null)"


ONE_YUAN_MORE = "amount_yuan = amount_yuan + 1"


def in_cells(
    table_no: str, where: str, change: str = ONE_YUAN_MORE, units: bool = True
) -> tuple[str, str, str]:
    """Change cells of rpt_disclosure_cells: the department's and (by default) its first unit's,
    so that the department still equals the sum of its units (C03) unless that is the point."""
    scope = "(unit_code is null or unit_code like '%-01')" if units else "unit_code is null"
    return (CELLS, f"{scope} and table_no = '{table_no}' and {where}", change)


FACTS = "disclosure.rpt_narrative_facts"


def in_facts(where: str, change: str = ONE_YUAN_MORE) -> tuple[str, str, str]:
    """Change a fact of the narrative (rpt_narrative_facts)."""
    return (FACTS, where, change)


def wan_more(amount: str) -> str:
    """Change the printed 万元 only (the 元 stay right)."""
    return f"amount_wan = amount_wan + {amount}"


CASES: dict[str, tuple[list[tuple[str, str, str]], set[str]]] = {
    "T01-01": ([in_cells("01", "line_no in (60, 62)")], {"T01-01"}),
    "T01-02": ([in_cells("01", "line_no = 28")], {"T01-02"}),
    "T01-03": ([in_cells("01", "line_no = 59")], {"T01-03"}),
    "T01-04": ([in_cells("01", "line_no = 4")], {"T01-04", "X01-02"}),
    "T01-05": ([in_cells("01", "line_no = 39")], {"T01-05", "X01-03"}),
    "T02-01": (
        [in_cells("02", "row_code = '2010302' and column_label in ('本年收入合计', '财政拨款收入')")],
        {"T02-01"},
    ),
    "T02-02": ([in_cells("02", chain("2010302") + " and column_label = '其他收入'")], {"T02-02", "X01-02"}),
    "T03-01": (
        [in_cells("03", "row_code = '2010302' and column_label in ('本年支出合计', '项目支出')")],
        {"T03-01"},
    ),
    "T03-02": ([in_cells("03", chain("2010302") + " and column_label = '经营支出'")], {"T03-02"}),
    "T04-01": ([in_cells("04", "line_no = 32")], {"T04-01", "T04-02"}),
    "T04-03": ([in_cells("04", "line_no = 1")], {"T04-03", "T04-08", "X01-04"}),
    "T04-04": ([in_cells("04", "line_no = 29")], {"T04-04", "T04-08"}),
    "T04-05": (
        [in_cells("04", "line_no = 64 and column_label = '一般公共预算财政拨款'")],
        {"T04-05", "T04-07"},
    ),
    "T04-06": (
        [in_cells("04", "line_no = 40 and column_label in ('合计', '一般公共预算财政拨款')")],
        {"T04-06", "X04-05"},
    ),
    "T04-07": ([in_cells("04", "line_no = 40 and column_label = '合计'")], {"T04-06", "T04-07"}),
    "T04-09": (
        [in_cells("04", "line_no = 60 and column_label in ('合计', '政府性基金预算财政拨款')")],
        {"T04-05", "T04-09", "X04-07"},
    ),
    "T04-10": (
        [in_cells("04", "line_no = 60 and column_label in ('合计', '国有资本经营预算财政拨款')")],
        {"T04-05", "T04-10"},
    ),
    "T05-01": ([in_cells("05", "row_code = '2010302' and column_label in ('小计', '项目支出')")], {"T05-01"}),
    "T05-02": ([in_cells("05", chain("2010302") + " and column_label = '基本支出'")], {"T05-02", "X05-06"}),
    "T06-01": ([in_cells("06", "row_code = '30101'")], {"T06-01"}),
    "T07-01": (
        [in_cells("07", "row_code = '2120801' and column_label in ('年初结转和结余', '年末结转和结余')")],
        {"T07-01"},
    ),
    "T07-02": ([in_cells("07", chain("2120801") + " and column_label = '基本支出'")], {"T07-02"}),
    "T07-03": (
        [in_cells("07", chain("2120801") + " and column_label = '年末结转和结余'")],
        {"T07-03", "X04-07"},
    ),
    "T08-01": ([in_cells("08", "row_code = '2230105' and column_label in ('合计', '项目支出')")], {"T08-01"}),
    "T08-02": ([in_cells("08", chain("2230105") + " and column_label = '基本支出'")], {"T08-02"}),
    # An 08 that prints 年末结转和结余 (shanghai-2024's): the 项目支出 column relabelled as one, so
    # 年末 ≠ 年初 + 本年收入 − 本年支出 (and 合计 ≠ 基本 + 项目).
    "T08-03": (
        [in_cells("08", "column_key = 'project'", "column_key = 'closing_balance'")],
        {"T08-02", "T08-03"},
    ),
    "T09-01": ([in_cells("09", "block = '决算数' and column_label = '合计'")], {"C01", "T09-01"}),
    "T09-02": (
        [in_cells("09", "block = '决算数' and column_label in ('合计', '小计')")],
        {"C01", "T09-02"},
    ),
    "X01-04": ([in_cells("01", "line_no = 2")], {"T01-04", "X01-02", "X01-04"}),
    "X04-05": (
        [in_cells("04", "line_no = 40 and column_label = '一般公共预算财政拨款'")],
        {"T04-06", "T04-07", "X04-05"},
    ),
    "X04-07": ([in_cells("04", "line_no = 30")], {"T04-04", "T04-09", "X04-07"}),
    "X04-08": (
        [in_cells("04", "line_no = 53 and column_label = '国有资本经营预算财政拨款'")],
        {"T04-06", "T04-07", "X04-08"},
    ),
    "X05-06": (
        [in_cells("05", "row_code is null and column_label = '基本支出'")],
        {"T05-01", "T05-02", "X05-06"},
    ),
    "W01": (
        [in_cells("02", "row_code is null and column_label = '本年收入合计'", wan_more("0.01"), units=False)],
        {"W01"},
    ),
    "W02": (
        [in_cells("02", "row_code = '201' and column_label = '本年收入合计'", wan_more("0.05"), units=False)],
        {"W01", "W02"},
    ),
    "W03": ([in_cells("01", "line_no = 58", wan_more("0.50"), units=False)], {"W01", "W03"}),
    "C01": ([in_cells("01", "line_no = 27")], {"C01", "T01-02", "T01-04"}),
    "N01-01": ([in_facts("fact_key = 'appropriation_total'", "count_value = 1")], {"N01-01"}),
    "N02-01": ([in_facts("fact_key = 'income_by_type' and member_key = 'superior_subsidy'")], {"N02-01"}),
    "N03-01": ([in_facts("fact_key = 'expenditure_by_type' and member_key = 'remit_superior'")], {"N03-01"}),
    "N05-01": ([in_facts("fact_key = 'general_budget_by_class' and member_key = '221'")], {"N05-01"}),
    "N05-02": (
        [in_facts("fact_key = 'function_budget' and member_key = '2210201'", "base_yuan = base_yuan + 1")],
        {"N05-02"},
    ),
    "N06-01": ([in_facts("fact_key = 'basic_by_component' and member_key = 'public_total'")], {"N06-01"}),
    "N14-01": ([in_facts("fact_key = 'project_execution' and member_key = 'P2023-02'")], {"N14-01"}),
    "C03": (
        [in_cells("03", "row_code = '2010302' and column_label = '本年支出合计'", units=False)],
        {"C03", "T03-01", "T03-02"},
    ),
}


# Plausibility warnings (DECISIONLOG §19): department copies with one spending line more, built
# clean (warnings do not stop a build). CASE-I31 spends 10,000,000 元 it never received, so its
# 年末结转和结余 goes negative; CASE-I32 reverses 10,000,000 元 it never spent, so its spending
# cells go negative (and its closing balance up).
LINE_CASES: dict[str, tuple[str, set[str]]] = {
    "I31": ("10000000.00", {"I31"}),
    "I32": ("-10000000.00", {"I32"}),
}


def apply_case(connection, department: str, edits: list[tuple[str, str, str]]) -> None:
    for table, where, change in edits:
        updated = connection.execute(
            f"update {table} set {change} where department_code = ? and fiscal_year = 2023 and {where}",
            [department],
        ).fetchall()
        assert updated[0][0] > 0, f"{department}: no cell matched {where} in {table}"


@pytest.fixture(scope="module")
def identity_findings(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("identities") / "project")
    departments = {rule: f"CASE-{rule}" for rule in CASES}
    add_department_copies(project, [*departments.values(), *(f"CASE-{rule}" for rule in LINE_CASES)])
    append_rows(
        project,
        "expenditure_entries",
        [
            line(project, "expenditure_entries", f"CASE-{rule}/extra", amount_yuan=amount)
            | {"unit_code": f"CASE-{rule}-01"}
            for rule, (amount, _) in LINE_CASES.items()
        ],
    )
    statuses = dbt_build(project)
    assert not [name for name, status in statuses.items() if status in ("fail", "error")]
    with duckdb.connect(str(project / "warehouse.duckdb")) as connection:
        for rule, (edits, _) in CASES.items():
            apply_case(connection, departments[rule], edits)
        connection.execute(  # P01: a published cell of the example itself
            f"update {CELLS} set amount_wan = amount_wan + 0.01 where department_code = 'ZZGX-DSJ' and unit_code is null"
            " and fiscal_year = 2023 and table_no = '06' and row_code = '30101'"
        )
        connection.execute(  # N12-01: procurement comes from the example's own seeds only
            f"update {FACTS} set amount_yuan = amount_yuan + 1 where department_code = 'ZZGX-DSJ'"
            " and fiscal_year = 2023 and fact_key = 'procurement_by_category' and member_key = 'goods'"
        )
        connection.execute(  # I29: two offsetting flows of 6×10^13 元, Σ|amount| 1.2×10^14 > 10^14
            "insert into intermediate.int_ledger_flows select * exclude (direction)"
            " replace (cast(direction * 60000000000000 as decimal(38, 2)) as amount_yuan)"
            " from (select * from intermediate.int_ledger_flows where department_code = 'ZZGX-DSJ'"
            " and fiscal_year = 2023 and flow = 'expenditure' limit 1), (values (1), (-1)) as signs(direction)"
        )
        connection.execute(  # C02: a classified line lost
            "delete from intermediate.int_expenditure_entries_classified where entry_id = (select min(entry_id) from intermediate.int_expenditure_entries_classified)"
        )
    dbt_run(project, "test")
    return findings(project), project


def test_each_identity_case_fails_exactly_its_rules(identity_findings):
    identity_findings, _ = identity_findings
    by_department = rules_by([r for r in identity_findings if r["department_code"]], "department_code")
    actual = {
        department.removeprefix("CASE-"): rules
        for department, rules in by_department.items()
        if department.startswith("CASE-")
    }
    assert actual == {
        **{rule: expected for rule, (_, expected) in CASES.items()},
        **{rule: expected for rule, (_, expected) in LINE_CASES.items()},
    }
    assert {r["severity"] for r in identity_findings if r["rule_id"] in ("I31", "I32")} == {"warn"}
    assert by_department["ZZGX-DSJ"] == {"P01", "W01", "N12-01", "I29"}
    assert {r["rule_id"] for r in identity_findings if not r["department_code"]} == {"C02"}
    PROVEN["identities"] = {r["rule_id"] for r in identity_findings}


def test_every_rule_in_the_catalogue_is_proven(identity_findings):
    _, project = identity_findings
    catalogue = catalogue_from_manifest(project / "target" / "manifest.json")
    assert set(PROVEN) <= PROOF_BUILDS, (
        f"proof builds not listed in conftest.PROOF_BUILDS: {set(PROVEN) - PROOF_BUILDS}"
    )
    if missing := PROOF_BUILDS - set(PROVEN):
        pytest.skip(f"run the whole suite: the proofs of {sorted(missing)} are needed")
    proven = set().union(*PROVEN.values())
    assert sorted(set(catalogue) - proven) == []
