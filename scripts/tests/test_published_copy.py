"""The published copy: readers never block a build or see a half-built state, cannot write,
and a failed build leaves the last good copy. Also the SQLAlchemy path Superset uses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from publish_support import warehouse

from juesuan.dbt_runner import start_dbt
from juesuan.share import PUBLISHED_NAME, NotPublished, publish_copy

STAR_COUNT = 10
STATE_QUERY = """
    select
        (select invocation_id from publication.published_build) as invocation_id,
        (select count(*) from duckdb_tables() where schema_name = 'analytics')
        + (select count(*) from duckdb_views() where schema_name = 'analytics') as star_models,
        (select count(*) from analytics.fct_ledger_lines) as ledger_lines,
        (select sum(amount_yuan) from analytics.fct_ledger_lines) as ledger_yuan,
        (select count(*) from disclosure.rpt_disclosure_cells) as cells
"""


def run_results(path: Path, invocation_id: str, status: str = "success") -> Path:
    path.write_text(
        json.dumps(
            {
                "metadata": {"invocation_id": invocation_id, "generated_at": "2026-01-01T00:00:00Z"},
                "results": [{"unique_id": "model.juesuan.fct_ledger_lines", "status": status}],
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def built(tmp_path) -> Path:
    """A private copy of the built warehouse (the build under test writes it)."""
    database = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse(), database)
    return database


def start_build(database: Path, tmp_path: Path) -> subprocess.Popen:
    """`dbt build` of the star schema into ``database``, in another process."""
    return start_dbt(
        ["build", "--select", "marts.analytics"],
        warehouse=database,
        target_path=tmp_path / "dbt",
        log_path=tmp_path / "logs",
    )


def test_reader_neither_blocks_the_build_nor_sees_it_half_done(built, tmp_path):
    out = tmp_path / "published"
    published = publish_copy(built, out, run_results(tmp_path / "first.json", "first-build"))
    with duckdb.connect(str(published), read_only=True) as reader:
        before = reader.execute(STATE_QUERY).fetchone()
        assert before[:2] == ("first-build", STAR_COUNT)
        build = start_build(built, tmp_path)
        polls = 0
        while build.poll() is None:
            assert reader.execute(STATE_QUERY).fetchone() == before
            polls += 1
            time.sleep(0.05)
        log = build.stdout.read()
        assert build.returncode == 0, log
        assert polls > 0
        with pytest.raises(duckdb.Error, match="read-only"):
            reader.execute("create table analytics.scribble as select 1 as x")
        with pytest.raises(duckdb.Error, match="read-only"):
            reader.execute("delete from analytics.dim_units")

        # Republish while the old reader still holds its copy: it keeps the old state, a new
        # reader gets the new build.
        publish_copy(built, out, tmp_path / "dbt" / "run_results.json")
        assert reader.execute(STATE_QUERY).fetchone() == before
    new_id = json.loads((tmp_path / "dbt" / "run_results.json").read_text())["metadata"]["invocation_id"]
    with duckdb.connect(str(published), read_only=True) as reader:
        after = reader.execute(STATE_QUERY).fetchone()
    assert after == (new_id, *before[1:])
    parquet = out / "parquet" / "analytics" / "fct_ledger_lines.parquet"
    with duckdb.connect() as connection:
        assert connection.execute(f"select count(*) from '{parquet}'").fetchone()[0] == before[2]
    assert len(list(out.glob(".parquet-*"))) == 1


def test_failed_build_leaves_the_last_good_copy(built, tmp_path):
    out = tmp_path / "published"
    published = publish_copy(built, out, run_results(tmp_path / "good.json", "good-build"))
    parquet_target = os.readlink(out / "parquet")
    for status in ("error", "fail", "skipped"):
        with pytest.raises(NotPublished):
            publish_copy(built, out, run_results(tmp_path / "bad.json", "bad-build", status))
    with duckdb.connect(str(published), read_only=True) as reader:
        assert reader.execute("select invocation_id from publication.published_build").fetchone() == (
            "good-build",
        )
    assert os.readlink(out / "parquet") == parquet_target
    assert sorted(path.name for path in out.iterdir()) == [parquet_target, PUBLISHED_NAME, "parquet"]


def test_a_running_build_is_not_copied(built, tmp_path):
    """While another process holds the warehouse for writing, nothing is published."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            str(built),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(NotPublished, match="open by another process"):
            publish_copy(built, tmp_path / "published")
    finally:
        holder.kill()
        holder.wait()
    assert not (tmp_path / "published" / "juesuan.duckdb").exists()


def test_sqlalchemy_reads_the_published_copy_read_only(built, tmp_path):
    """The path Superset takes: the duckdb-engine dialect, URI duckdb:////abs/path, read_only."""
    published = publish_copy(built, tmp_path / "published")
    engine = sqlalchemy.create_engine(f"duckdb:///{published.resolve()}", connect_args={"read_only": True})
    try:
        inspector = sqlalchemy.inspect(engine)
        # duckdb-engine names schemas with their catalog (the file's stem), as Superset lists them.
        assert "juesuan.analytics" in inspector.get_schema_names()
        # fct_ledger_lines is a view over the classified lines; the dimensions are tables.
        assert "fct_ledger_lines" in inspector.get_view_names(schema="analytics")
        assert "dim_function_subjects" in inspector.get_table_names(schema="analytics")
        columns = {column["name"] for column in inspector.get_columns("fct_ledger_lines", schema="analytics")}
        assert {"amount_yuan", "function_subject_key"} <= columns
        with engine.connect() as connection:
            total = connection.execute(
                sqlalchemy.text(
                    "select sum(amount_yuan) from analytics.fct_ledger_lines "
                    "where flow = 'expenditure' and fiscal_year = :year"
                ),
                {"year": 2023},
            ).scalar_one()
            assert float(total) == 1698430.00
            with pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
                connection.execute(
                    sqlalchemy.text("insert into analytics.dim_fiscal_years (fiscal_year) values (1999)")
                )
    finally:
        engine.dispose()
