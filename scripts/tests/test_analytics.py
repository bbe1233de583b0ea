"""The analysts' star schema: the README's example queries run, comments reach the database,
contracts hold, and the documentation site is one offline file with the whole lineage."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from publish_support import PROJECT, warehouse

from juesuan import dbt_runner

STAR = [
    "fct_ledger_lines",
    "fct_budget_lines",
    "dim_function_subjects",
    "dim_economic_subjects",
    "dim_units",
    "dim_departments",
    "dim_fund_sources",
    "dim_income_types",
    "dim_spending_types",
    "dim_fiscal_years",
]


def readme_queries() -> list[str]:
    """The SQL blocks of the "Example queries" section of docs/analysts.md (the README's analyst
    part), in order."""
    text = (PROJECT / "docs" / "analysts.md").read_text(encoding="utf-8")
    section = text.split("## Example queries", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def connection():
    with duckdb.connect(str(warehouse()), read_only=True) as connection:
        yield connection


def test_readme_has_ten_example_queries():
    assert len(readme_queries()) == 10


@pytest.mark.parametrize("number", range(1, 11))
def test_example_query_runs_and_returns_rows(connection, number):
    rows = connection.execute(readme_queries()[number - 1]).fetchall()
    assert rows, f"example query {number} returned nothing on the bundled example"


def test_example_answers(connection):
    """Spot checks against DECISIONLOG.md: 三公 2023 is 1,286.00 元 of 公务接待费; project
    P2023-01 executed 98.6% of its 全年预算."""
    queries = readme_queries()
    assert connection.execute(queries[0]).fetchall() == [
        ("株洲高新技术产业开发区大数据资源局", 2023, "公务接待费", pytest.approx(1286))
    ]
    executions = {row[1]: row[4] for row in connection.execute(queries[7]).fetchall()}
    assert float(executions["P2023-01"]) == 98.6


def test_every_star_model_and_column_has_a_persisted_comment(connection):
    tables = dict(
        connection.execute(
            """select table_name, comment from duckdb_tables() where schema_name = 'analytics'
               union all
               select view_name, comment from duckdb_views() where schema_name = 'analytics'"""
        ).fetchall()
    )
    assert set(STAR) <= set(tables)
    assert all(tables[name] and "Grain" in tables[name] for name in STAR)
    missing = connection.execute(
        """select table_name, column_name from duckdb_columns()
           where schema_name = 'analytics' and (comment is null or comment = '')"""
    ).fetchall()
    assert missing == []
    comment = connection.execute(
        """select comment from duckdb_columns() where schema_name = 'analytics'
           and table_name = 'fct_ledger_lines' and column_name = 'amount_yuan'"""
    ).fetchone()[0]
    assert "元" in comment and "Amount" in comment  # Chinese and English


def test_money_is_exact_and_codes_are_text(connection):
    types = dict(
        connection.execute(
            """select column_name, data_type from duckdb_columns()
               where schema_name = 'analytics' and table_name = 'fct_ledger_lines'"""
        ).fetchall()
    )
    assert types["amount_yuan"] == "DECIMAL(18,2)"
    assert types["function_code"] == types["economic_code"] == "VARCHAR"


def test_ledger_fact_keeps_every_entry_and_every_yuan(connection):
    fact = connection.execute(
        "select flow, count(*), sum(amount_yuan) from analytics.fct_ledger_lines group by flow order by flow"
    ).fetchall()
    classified = connection.execute(
        """select 'expenditure', count(*), sum(amount_yuan) from intermediate.int_expenditure_entries_classified
           union all
           select 'income', count(*), sum(amount_yuan) from intermediate.int_income_entries_classified"""
    ).fetchall()
    assert fact == classified


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    tmp_path = tmp_path_factory.mktemp("parse")
    run_dbt(["parse", "--target-path", str(tmp_path / "parse")], {}, tmp_path)
    return json.loads((tmp_path / "parse" / "manifest.json").read_text(encoding="utf-8"))


def test_contracts_are_enforced_on_every_star_model(manifest):
    nodes = {node["name"]: node for node in manifest["nodes"].values() if node["resource_type"] == "model"}
    for name in STAR:
        node = nodes[name]
        assert node["config"]["contract"]["enforced"], name
        assert node["description"], name
        assert all(column["data_type"] and column["description"] for column in node["columns"].values())


def test_outputs_are_declared_as_exposures(manifest):
    exposures = manifest["exposures"].values()
    depends = {exposure["name"]: exposure["depends_on"]["nodes"] for exposure in exposures}
    assert set(depends) == {"disclosure_workbook", "disclosure_document", "bi_star_schema"}
    assert "model.juesuan.fct_ledger_lines" in depends["bi_star_schema"]


def test_docs_site_is_one_offline_file_with_the_lineage(tmp_path):
    """`dbt docs generate --static` on a copy of the warehouse: one HTML file holding the
    manifest (seeds → models → exposures) and the catalog with the persisted column types."""
    database = tmp_path / "docs.duckdb"
    shutil.copyfile(warehouse(), database)
    run_dbt(
        ["docs", "generate", "--static", "--target-path", str(tmp_path / "dbt")],
        {"JUESUAN_DUCKDB": str(database)},
        tmp_path,
    )
    page = (tmp_path / "dbt" / "static_index.html").read_text(encoding="utf-8")
    for node in (
        "seed.juesuan.ref_function_subjects",
        "model.juesuan.int_expenditure_entries_classified",
        "model.juesuan.fct_ledger_lines",
        "model.juesuan.rpt_disclosure_cells",
        "exposure.juesuan.bi_star_schema",
    ):
        assert node in page
    assert not re.search(r"<script[^>]+src=\"https?://", page), "the page must not load scripts from the web"


def run_dbt(arguments: list[str], extra_env: dict[str, str], tmp_path: Path) -> None:
    completed = dbt_runner.run_dbt([*arguments, "--log-path", str(tmp_path / "logs")], extra_env=extra_env)
    assert completed.returncode == 0, completed.stdout + completed.stderr
