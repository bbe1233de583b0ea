"""Read one department's year from the warehouse: the tables, the narrative facts, its own words."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from juesuan import warehouse

Row = dict[str, Any]


@dataclass(frozen=True)
class Fact:
    """One row of rpt_narrative_facts."""

    fact_key: str
    member_key: str
    member_label: str
    member_order: int
    amount_yuan: Decimal | None
    base_kind: str | None
    base_yuan: Decimal | None
    percent_of_base: Decimal | None
    percent_over_base: Decimal | None
    prior_year_yuan: Decimal | None
    change_yuan: Decimal | None
    change_percent: Decimal | None
    count_value: int | None


@dataclass
class Disclosure:
    """Everything one department's document for one year prints."""

    department_code: str
    department_name: str
    fiscal_year: int
    cells: list[Row]
    tables: list[Row]
    facts: dict[tuple[str, str], Fact]
    units: list[Row]
    paragraphs: dict[str, list[str]] = field(default_factory=dict)
    reasons: dict[tuple[str, str], str] = field(default_factory=dict)
    goals: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    outline: list[Row] = field(default_factory=list)
    has_prior_year: bool = True  # the warehouse holds the year before (else no change on it is stated)

    @property
    def has_narrative(self) -> bool:
        """The department has given its own words for this year (else: the tables only)."""
        return bool(self.paragraphs)

    @property
    def template_profile(self) -> str:
        """The profile whose narrative template words the parts (the outline's owner)."""
        return self.outline[0]["template_profile_code"]

    def parts(self, document_part: str) -> list[Row]:
        """The profile's 情况说明 parts (``narrative``) or 名词解释 terms (``glossary``), in order."""
        return sorted(
            (row for row in self.outline if row["document_part"] == document_part),
            key=lambda row: row["part_order"],
        )

    def fact(self, fact_key: str, member_key: str = "") -> Fact:
        """The fact's member (a key, e.g. a column_key: ``fact('sangong', 'reception')``), or an
        all-zero one when the warehouse has none: some facts list only the members that have an
        amount (e.g. sangong_initial_budget, a count not reported)."""
        found = self.facts.get((fact_key, member_key))
        if found is not None:
            return found
        zero = Decimal("0.00")
        return Fact(fact_key, member_key, member_key, 0, zero, None, zero, None, None, zero, zero, None, 0)

    def members(self, fact_key: str) -> list[Fact]:
        """Every member of a fact, in narrative order."""
        rows = [fact for (key, _), fact in self.facts.items() if key == fact_key]
        return sorted(rows, key=lambda fact: (fact.member_order, fact.member_key))

    def count(self, count_key: str) -> int:
        """A count the department reported (seeds/narrative), 0 when it reported none."""
        found = self.facts.get(("count", count_key))
        return (found.count_value or 0) if found is not None else 0

    def reason(self, topic: str, member_code: str = "") -> str:
        return self.reasons.get((topic, member_code), "")

    def table_cells(self, table_no: str) -> list[Row]:
        return [cell for cell in self.cells if cell["table_no"] == table_no]

    def table(self, table_no: str) -> Row:
        return next(table for table in self.tables if table["table_no"] == table_no)


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, parameters: list[Any]) -> list[Row]:
    result = connection.execute(sql, parameters)
    names = [column[0] for column in result.description]
    return [dict(zip(names, values, strict=True)) for values in result.fetchall()]


def _has_table(connection: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    found = connection.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, name],
    ).fetchone()
    return bool(found and found[0])


def scopes(db_path: Path) -> list[tuple[str, str, int]]:
    """(department_code, department_name, fiscal_year) of every department-level disclosure."""
    with warehouse.connect(db_path) as connection:
        return [
            (code, name, int(year))
            for code, name, year in connection.execute(
                "select distinct department_code, department_name, fiscal_year from disclosure.rpt_disclosure_tables"
                " where unit_code is null order by 1, 3"
            ).fetchall()
        ]


def load(db_path: Path, department_code: str, fiscal_year: int) -> Disclosure:
    """Read one department's disclosure for one year (department scope)."""
    key = [department_code, fiscal_year]
    with warehouse.connect(db_path) as connection:
        cells = _rows(
            connection,
            "select * from disclosure.rpt_disclosure_cells where department_code = ? and fiscal_year = ?"
            " and unit_code is null order by table_no, block, row_order, column_order",
            key,
        )
        tables = _rows(
            connection,
            "select * from disclosure.rpt_disclosure_tables where department_code = ? and fiscal_year = ?"
            " and unit_code is null order by print_order, table_no",
            key,
        )
        facts = _rows(
            connection,
            "select * from disclosure.rpt_narrative_facts where department_code = ? and fiscal_year = ?",
            key,
        )
        units = _rows(
            connection,
            "select * from analytics.dim_units where department_code = ?"
            " order by is_department_body desc, unit_code",
            [department_code],
        )
        disclosure = Disclosure(
            department_code=department_code,
            department_name=tables[0]["department_name"],
            fiscal_year=fiscal_year,
            cells=cells,
            tables=tables,
            facts={
                (row["fact_key"], row["member_key"]): Fact(
                    **{name: row[name] for name in Fact.__dataclass_fields__}
                )
                for row in facts
            },
            units=units,
        )
        prior = connection.execute(
            "select count(*) from disclosure.rpt_disclosure_tables where department_code = ? and fiscal_year = ?",
            [department_code, fiscal_year - 1],
        ).fetchone()
        disclosure.has_prior_year = bool(prior and prior[0])
        if _has_table(connection, "disclosure", "rpt_narrative_outline"):
            disclosure.outline = _rows(
                connection,
                "select * from disclosure.rpt_narrative_outline where department_code = ? and fiscal_year = ?"
                " order by document_part, part_order",
                key,
            )
        if _has_table(connection, "disclosure", "rpt_narrative_paragraphs"):
            _load_own_words(connection, disclosure, key)
    return disclosure


def _load_own_words(connection: duckdb.DuckDBPyConnection, disclosure: Disclosure, key: list[Any]) -> None:
    for row in _rows(
        connection,
        "select part_key, paragraph_text from disclosure.rpt_narrative_paragraphs"
        " where department_code = ? and fiscal_year = ? order by part_key, paragraph_no",
        key,
    ):
        disclosure.paragraphs.setdefault(row["part_key"], []).append(row["paragraph_text"])
    disclosure.reasons = {
        (row["topic"], row["member_code"]): row["reason_text"]
        for row in _rows(
            connection,
            "select topic, member_code, reason_text from disclosure.rpt_narrative_reasons"
            " where department_code = ? and fiscal_year = ?",
            key,
        )
    }
    disclosure.goals = _rows(
        connection,
        "select * from disclosure.rpt_performance_goals where department_code = ? and fiscal_year = ?"
        " order by scope_code = 'department' desc, scope_code",
        key,
    )
    disclosure.indicators = _rows(
        connection,
        "select * from disclosure.rpt_performance_indicators where department_code = ?"
        " and fiscal_year = ? order by scope_code, indicator_no",
        key,
    )
