"""The PostgreSQL build (run by .ci/run after `dbt build --target postgres`): the disclosure
cells equal DuckDB's, and the read-only role BI tools use can read but never write.

Skipped unless JUESUAN_PG_READER_PASSWORD is set (make test has no PostgreSQL server)."""

from __future__ import annotations

import os

import pytest
from publish_support import warehouse

from juesuan_dev.compare_targets import differences, postgres_settings

READER = os.environ.get("JUESUAN_PG_READER", "juesuan_reader")
READER_PASSWORD = os.environ.get("JUESUAN_PG_READER_PASSWORD")

pytestmark = pytest.mark.skipif(
    READER_PASSWORD is None, reason="no PostgreSQL build (JUESUAN_PG_READER_PASSWORD unset; .ci/run sets it)"
)


@pytest.fixture
def reader():
    psycopg2 = pytest.importorskip("psycopg2")
    connection = psycopg2.connect(**postgres_settings(user=READER, password=READER_PASSWORD))
    yield connection
    connection.close()


@pytest.mark.parametrize("model", ["rpt_disclosure_cells", "rpt_narrative_facts"])
def test_postgres_build_equals_duckdb(model):
    assert differences(warehouse(), model) == []


def test_reader_reads_the_star_schema_and_the_tables(reader):
    with reader.cursor() as cursor:
        cursor.execute(
            "select sum(amount_yuan) from analytics.fct_ledger_lines where flow = 'expenditure' and fiscal_year = 2023"
        )
        assert float(cursor.fetchone()[0]) == 1698430.00
        cursor.execute("select count(*) from disclosure.rpt_disclosure_cells")
        assert cursor.fetchone()[0] > 0
        cursor.execute(
            "select col_description('analytics.fct_ledger_lines'::regclass, 1)"
        )  # persist_docs on Postgres
        assert "flow:entry_id" in cursor.fetchone()[0]


@pytest.mark.parametrize(
    "statement",
    [
        "insert into analytics.dim_fiscal_years (fiscal_year) values (1999)",
        "delete from disclosure.rpt_disclosure_cells",
        "create table analytics.scribble (x integer)",
        "drop table analytics.dim_units",
    ],
)
def test_reader_cannot_write(reader, statement):
    import psycopg2

    with pytest.raises(psycopg2.Error) as raised, reader.cursor() as cursor:
        cursor.execute(statement)
    reader.rollback()
    assert raised.value.pgcode in {"25006", "42501"}  # read-only transaction, insufficient privilege
