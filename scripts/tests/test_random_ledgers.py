"""Property: on any valid ledger every rule holds and every 元 reaches the tables exactly once.

Hypothesis draws at least 1,000 small valid ledgers; each becomes one department (with one or
two units) beside the bundled example, and all are built in one dbt run. The expected totals are
computed here in Python, independently of the SQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import duckdb
import pytest
from conftest import copy_project, dbt_build, findings
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ledger_cases import append_rows

YEAR = 2023
FUNCTION_CODES = ["2010101", "2010302", "2080505", "2101101", "2150101", "2210201", "2120801", "2230105"]
FUNDS = {  # fund source → (is appropriation, budget)
    "general_budget": (True, "general_public"),
    "gov_fund_budget": (True, "government_fund"),
    "soe_capital_budget": (True, "soe_capital"),
    "unit_funds": (False, None),
}
NON_APPROPRIATION_INCOME = [
    "superior_subsidy",
    "service_revenue",
    "business_revenue",
    "affiliate_remittance",
    "other_revenue",
]
ECONOMIC_BY_TYPE = {
    "basic_personnel": ["30101", "30102", "30108", "30113", "30302"],
    "basic_public": ["30201", "30211", "30217", "30228", "31002"],
    "project": ["30227", "30299", "31007", "30212", "31013", "30231"],
    "remit_superior": ["39999"],
    "business": ["30201"],
    "affiliate_subsidy": ["39999"],
}
SANGONG = {"30212", "30217", "30231", "31013", "30913"}
UNIT_TYPES = ["admin", "civil_service_managed", "institution"]

amounts = st.decimals(min_value=Decimal("-500.00"), max_value=Decimal("200000.00"), places=2)


@dataclass
class Ledger:
    units: list[str]
    income: list[dict] = field(default_factory=list)
    expenditure: list[dict] = field(default_factory=list)
    balances: list[dict] = field(default_factory=list)


@st.composite
def ledgers(draw) -> Ledger:
    ledger = Ledger(units=draw(st.lists(st.sampled_from(UNIT_TYPES), min_size=1, max_size=2)))
    unit = st.integers(0, len(ledger.units) - 1)
    for _ in range(draw(st.integers(0, 5))):
        fund = draw(st.sampled_from(sorted(FUNDS)))
        income_type = "appropriation" if FUNDS[fund][0] else draw(st.sampled_from(NON_APPROPRIATION_INCOME))
        ledger.income.append(
            dict(
                unit=draw(unit),
                function_code=draw(st.sampled_from(FUNCTION_CODES)),
                fund=fund,
                income_type=income_type,
                amount=draw(amounts),
            )
        )
    for _ in range(draw(st.integers(0, 6))):
        fund = draw(st.sampled_from(sorted(FUNDS)))
        spendings = (
            ["basic_personnel", "basic_public", "project"] if FUNDS[fund][0] else sorted(ECONOMIC_BY_TYPE)
        )
        spending = draw(st.sampled_from(spendings))  # 财政拨款 is spent as basic or project only (I27)
        economic = draw(st.sampled_from(ECONOMIC_BY_TYPE[spending]))
        if economic in SANGONG and not FUNDS[fund][0]:
            economic = "30201"  # 三公 on non-appropriation money is flagged for review (I21)
        ledger.expenditure.append(
            dict(
                unit=draw(unit),
                function_code=draw(st.sampled_from(FUNCTION_CODES)),
                economic=economic,
                fund=fund,
                spending=spending,
                amount=draw(amounts),
            )
        )
    for _ in range(draw(st.integers(0, 2))):
        fund = draw(st.sampled_from(sorted(FUNDS)))
        kinds = ["opening"] + ([] if FUNDS[fund][0] else ["use_of_surplus", "surplus_distribution"])  # I23
        ledger.balances.append(
            dict(
                unit=draw(unit),
                kind=draw(st.sampled_from(kinds)),
                fund=fund,
                function_code=draw(st.sampled_from(FUNCTION_CODES)),
                amount=draw(amounts),
            )
        )
    return ledger


DRAWN: list[Ledger] = []


@settings(
    max_examples=1000,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(ledgers())
def test_draw_ledgers(ledger):
    """Collects the ledgers; the dbt build below checks them all at once."""
    DRAWN.append(ledger)


def expected_totals(ledger: Ledger) -> dict[str, Decimal]:
    """What the department's tables must show, computed without SQL."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for line in ledger.income:
        totals["01/27 本年收入合计"] += line["amount"]
        if FUNDS[line["fund"]][0]:
            totals["04/27 本年收入合计"] += line["amount"]
    for line in ledger.expenditure:
        totals["01/58 本年支出合计"] += line["amount"]
        basic = line["spending"] in ("basic_personnel", "basic_public")
        if line["fund"] == "general_budget" and basic:
            totals["06 基本支出"] += line["amount"]
        if FUNDS[line["fund"]][0] and line["economic"] in SANGONG:
            totals["09 决算数"] += line["amount"]
    balance_sign = {"opening": 1, "use_of_surplus": 1, "surplus_distribution": -1}
    closing = sum((line["amount"] * balance_sign[line["kind"]] for line in ledger.balances), Decimal())
    totals["01/60 年末结转和结余"] = closing + totals["01/27 本年收入合计"] - totals["01/58 本年支出合计"]
    totals["01/31 收入总计"] = (
        sum((line["amount"] for line in ledger.balances if line["kind"] != "surplus_distribution"), Decimal())
        + totals["01/27 本年收入合计"]
    )
    return totals


def ledger_rows(ledger: Ledger, department: str) -> dict[str, list[dict[str, str]]]:
    units = [f"{department}-{index + 1}" for index in range(len(ledger.units))]
    rows: dict[str, list[dict[str, str]]] = {
        "departments": [dict(department_code=department, department_name=f"随机部门{department}")],
        "units": [
            dict(
                unit_code=code,
                unit_name=code,
                department_code=department,
                unit_type_code=kind,
                is_department_body=str(index == 0).lower(),
            )
            for index, (code, kind) in enumerate(zip(units, ledger.units, strict=True))
        ],
        "income_entries": [],
        "expenditure_entries": [],
        "balance_entries": [],
        "projects": [],
    }
    for index, line in enumerate(ledger.income):
        rows["income_entries"].append(
            dict(
                entry_id=f"{department}/I{index}",
                unit_code=units[line["unit"]],
                fiscal_year=str(YEAR),
                posting_date=f"{YEAR}-05-01",
                voucher_no=f"R{index}",  # one voucher per line: equal draws are not one line twice (I30)
                function_code=line["function_code"],
                fund_source_code=line["fund"],
                income_type_code=line["income_type"],
                amount_yuan=f"{line['amount']:.2f}",
                summary="random",
            )
        )
    for index, line in enumerate(ledger.expenditure):
        project = f"{department}-P{index}" if line["spending"] == "project" else ""
        if project:
            rows["projects"].append(
                dict(
                    project_code=project,
                    unit_code=units[line["unit"]],
                    fiscal_year=str(YEAR),
                    project_name=project,
                )
            )
        rows["expenditure_entries"].append(
            dict(
                entry_id=f"{department}/E{index}",
                unit_code=units[line["unit"]],
                fiscal_year=str(YEAR),
                posting_date=f"{YEAR}-06-01",
                voucher_no=f"E{index}",
                function_code=line["function_code"],
                economic_code=line["economic"],
                fund_source_code=line["fund"],
                spending_type_code=line["spending"],
                project_code=project,
                amount_yuan=f"{line['amount']:.2f}",
                summary="random",
            )
        )
    for index, line in enumerate(ledger.balances):
        rows["balance_entries"].append(
            dict(
                entry_id=f"{department}/B{index}",
                unit_code=units[line["unit"]],
                fiscal_year=str(YEAR),
                balance_type_code=line["kind"],
                function_code=line["function_code"],
                fund_source_code=line["fund"],
                amount_yuan=f"{line['amount']:.2f}",
            )
        )
    return rows


CELL_QUERY = """
    select
        department_code,
        sum(case when table_no = '01' and line_no = 27 then amount_yuan else 0 end) as "01/27 本年收入合计",
        sum(case when table_no = '04' and line_no = 27 then amount_yuan else 0 end) as "04/27 本年收入合计",
        sum(case when table_no = '01' and line_no = 58 then amount_yuan else 0 end) as "01/58 本年支出合计",
        sum(case when table_no = '06' and row_code is null then amount_yuan else 0 end) as "06 基本支出",
        sum(case when table_no = '09' and block = '决算数' and column_label = '合计' then amount_yuan else 0 end) as "09 决算数",
        sum(case when table_no = '01' and line_no = 60 then amount_yuan else 0 end) as "01/60 年末结转和结余",
        sum(case when table_no = '01' and line_no = 31 then amount_yuan else 0 end) as "01/31 收入总计"
    from disclosure.rpt_disclosure_cells
    where unit_code is null and fiscal_year = 2023 and department_code like 'RND%'
    group by department_code
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    assert len(DRAWN) >= 1000, "test_draw_ledgers must run first (run the whole module)"
    project = copy_project(tmp_path_factory.mktemp("random") / "project")
    departments = {f"RND{index:04d}": ledger for index, ledger in enumerate(DRAWN)}
    merged: dict[str, list[dict[str, str]]] = defaultdict(list)
    for department, ledger in departments.items():
        for entity, rows in ledger_rows(ledger, department).items():
            merged[entity].extend(rows)
    for entity, rows in merged.items():
        append_rows(project, entity, rows)
    statuses = dbt_build(project)
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        result = connection.sql(CELL_QUERY)
        tables = {row[0]: dict(zip(result.columns[1:], row[1:], strict=True)) for row in result.fetchall()}
    return departments, statuses, findings(project), tables


def test_every_rule_holds_on_every_random_ledger(built):
    _, statuses, audit, _ = built
    # A random ledger may spend more than it received or reverse more than it spent: the
    # plausibility warnings I31 and I32 (DECISIONLOG §19) may report it; no other rule may fail.
    plausibility = {"I31", "I32"}
    assert [r["rule_id"] for r in audit if r["rule_id"] not in plausibility] == []
    assert {r["severity"] for r in audit} <= {"warn"}
    # Exposures (models/_exposures.yml) are listed too, with nothing to run: no-op.
    allowed = ("pass", "success", "no-op")
    assert [
        name
        for name, status in statuses.items()
        if status not in allowed and not (status == "warn" and name.split("_")[0].upper() in plausibility)
    ] == []


def test_every_amount_reaches_the_tables_exactly_once(built):
    departments, _, _, tables = built
    wrong = {}
    for department, ledger in departments.items():
        expected = expected_totals(ledger)
        actual = tables.get(department, {})
        differences = {
            key: (value, actual.get(key, Decimal(0)))
            for key, value in expected.items()
            if actual.get(key, Decimal(0)) != value
        }
        if differences:
            wrong[department] = differences
    assert wrong == {}
    assert len(tables) == len(
        [ledger for ledger in departments.values() if ledger.income or ledger.expenditure or ledger.balances]
    )
