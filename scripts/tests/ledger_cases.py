"""Ledgers for rule proofs: copies of the example department, and one-line corruptions of it."""

from __future__ import annotations

import csv
from pathlib import Path

from juesuan.generate import ENTITIES

EXAMPLE = "ZZGX-DSJ"
LEDGER_FILES = ENTITIES  # the contract's seven files (juesuan.generate writes the same)


def read_rows(project: Path, entity: str) -> tuple[list[str], list[dict[str, str]]]:
    with (project / "seeds" / "example" / f"example_{entity}.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(project: Path, entity: str, fields: list[str], rows: list[dict[str, str]]) -> None:
    with (project / "seeds" / "example" / f"example_{entity}.csv").open(
        "w", encoding="utf-8", newline=""
    ) as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def append_rows(project: Path, entity: str, new_rows: list[dict[str, str]]) -> None:
    fields, rows = read_rows(project, entity)
    write_rows(project, entity, fields, [*rows, *[{f: row.get(f, "") for f in fields} for row in new_rows]])


def template(project: Path, entity: str, **match: str) -> dict[str, str]:
    """The first row of the example file matching the given column values."""
    _, rows = read_rows(project, entity)
    return dict(next(r for r in rows if all(r[k] == v for k, v in match.items())))


def _renamed(row: dict[str, str], department: str) -> dict[str, str]:
    out = {}
    for key, value in row.items():
        if key in ("department_code", "unit_code") and value.startswith(EXAMPLE):
            value = department + value[len(EXAMPLE) :]
        elif key in ("entry_id", "budget_line_id"):
            value = f"{department}/{value}"
        out[key] = value
    return out


RICH_LINES = {
    # Funds the example does not have, so 07, 08, balances and non-appropriation income carry data.
    "income_entries": [
        dict(
            function_code="2120801",
            fund_source_code="gov_fund_budget",
            income_type_code="appropriation",
            amount_yuan="50000.00",
        ),
        dict(
            function_code="2230105",
            fund_source_code="soe_capital_budget",
            income_type_code="appropriation",
            amount_yuan="20000.00",
        ),
        dict(
            function_code="2150101",
            fund_source_code="unit_funds",
            income_type_code="superior_subsidy",
            amount_yuan="8000.00",
        ),
    ],
    "expenditure_entries": [
        dict(
            function_code="2120801",
            economic_code="31005",
            fund_source_code="gov_fund_budget",
            spending_type_code="project",
            project_code="P-GF",
            amount_yuan="30000.00",
        ),
        dict(
            function_code="2120801",
            economic_code="30201",
            fund_source_code="gov_fund_budget",
            spending_type_code="basic_public",
            project_code="",
            amount_yuan="5000.00",
        ),
        dict(
            function_code="2230105",
            economic_code="30227",
            fund_source_code="soe_capital_budget",
            spending_type_code="project",
            project_code="P-SOE",
            amount_yuan="20000.00",
        ),
        dict(
            function_code="2150101",
            economic_code="30201",
            fund_source_code="unit_funds",
            spending_type_code="basic_public",
            project_code="",
            amount_yuan="3000.00",
        ),
    ],
    "balance_entries": [
        dict(
            balance_type_code="opening",
            function_code="2120801",
            fund_source_code="gov_fund_budget",
            amount_yuan="10000.00",
        ),
        dict(
            balance_type_code="use_of_surplus",
            function_code="2150101",
            fund_source_code="unit_funds",
            amount_yuan="1000.00",
        ),
        dict(
            balance_type_code="surplus_distribution",
            function_code="2150101",
            fund_source_code="unit_funds",
            amount_yuan="500.00",
        ),
    ],
    "projects": [
        dict(project_code="P-GF", project_name="土地征收补偿项目"),
        dict(project_code="P-SOE", project_name="退休人员社会化管理补助"),
    ],
}


def add_department_copies(
    project: Path, departments: list[str], year: str = "2023", rich: bool = True
) -> None:
    """Append, for each code, a copy of the example department's ``year`` (plus RICH_LINES)."""
    for entity in LEDGER_FILES:
        fields, rows = read_rows(project, entity)
        source = [r for r in rows if r.get("fiscal_year", year) == year]
        copies = [_renamed(r, d) for d in departments for r in source]
        if rich:
            copies += [
                _rich_line(entity, d, i, year)
                for d in departments
                for i, line in enumerate(RICH_LINES.get(entity, []))
            ]
        write_rows(project, entity, fields, [*rows, *[{f: c.get(f, "") for f in fields} for c in copies]])


def _rich_line(entity: str, department: str, index: int, year: str) -> dict[str, str]:
    line = dict(RICH_LINES[entity][index])
    line.update(unit_code=f"{department}-01", fiscal_year=year)
    if entity != "projects":
        line["entry_id"] = f"{department}/RICH-{entity}-{index}"
    if entity in ("income_entries", "expenditure_entries"):
        line.update(posting_date=f"{year}-06-30", voucher_no="RICH", summary="rule-proof line")
    return line


def line(project: Path, entity: str, case: str, **changes: str) -> dict[str, str]:
    key = "budget_line_id" if entity == "budget_lines" else "entry_id"
    row = template(project, entity, fiscal_year="2023")
    # Its own summary, so that no two cases (nor a case and its template) repeat a line (I30).
    row.update({key: case, "summary": case, **changes})
    return row


def corrupt_first_layer(project: Path) -> str:
    """The first layer's bad input (test_rules_fire.first_layer; on Spark, test_spark): raw
    ledger fields and reference codes that the input rules must name. Returns the entry_id
    entered twice (I20)."""
    exp = "expenditure_entries"
    append_rows(
        project,
        exp,
        [
            line(project, exp, "CASE-I17", amount_yuan="12O.00"),
            line(project, exp, "CASE-I18", amount_yuan="10.005"),
            line(project, exp, "CASE-I19", fund_source_code=""),
            line(project, exp, "CASE-I25", function_code=" ２150101"),
            line(project, exp, "CASE-I28", amount_yuan="1000000000000.01"),  # 10^12 元 and a cent
            line(project, exp, "CASE-I28-AT-BOUND", amount_yuan="-1000000000000.00"),  # passes
            # 17 digits do not fit decimal(18, 2): left unread, named by I28 (not I17 or I18).
            line(project, exp, "CASE-I28-DIGITS", amount_yuan="12345678901234567.00"),
            line(project, exp, "CASE-I30a", summary="CASE-I30"),  # one line entered twice
            line(project, exp, "CASE-I30b", summary="CASE-I30"),
        ],
    )
    duplicate = template(project, "income_entries", fiscal_year="2023")
    append_rows(project, "income_entries", [duplicate])  # I20: the same entry_id twice
    unit = template(project, "units", unit_code="ZZGX-DSJ-02")
    append_rows(project, "units", [unit])  # I26: the same unit twice
    with (project / "seeds/reference/ref_function_subjects.csv").open("a", encoding="utf-8") as handle:
        handle.write("2023,2019,长度不对,2,201\n")  # R01
        handle.write("2023,2019998,前缀不对,3,20102\n")  # R02
        handle.write("2023,2019997,上级不存在,3,20188\n")  # R02 + R03 (20188 is not in the list)
        handle.write("2023,2010302,重复,3,20103\n")  # R04
    return duplicate["entry_id"]
