"""Share the built warehouse: a read-only copy for readers (BI tools, analysts).

A DuckDB file has one writer or many readers, so readers never open the warehouse a build
writes. After a successful build this writes, under ``--out`` (default ``warehouse/published``):

- ``juesuan.duckdb``: a byte copy of the warehouse, stamped with the build it came from
  (``publication.published_build``), put in place with ``os.replace``: a reader sees the old
  copy or the new one, never a part of either, and a reader holding the old one keeps it;
- ``parquet/<schema>/<model>.parquet``: every mart (the star schema in ``analytics`` and the
  ``rpt_*`` tables), read from that copy; ``parquet`` is a symlink switched in one step.

A build that did not succeed (any error, failure or skipped node in ``--run-results``) is not
published: the last good copy stays.

    juesuan share --db warehouse/juesuan.duckdb --out warehouse/published \\
        --run-results target/run_results.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb

PUBLISHED_NAME = "juesuan.duckdb"
BAD_STATUSES = {"error", "fail", "skipped", "runtime error"}
# The marts are whole schemas: readers get every table and view of the layers meant for them.
MART_SCHEMAS = ("disclosure", "analytics")
MARTS_QUERY = f"""
    select schema_name, table_name from duckdb_tables()
    where schema_name in {MART_SCHEMAS}
    union all
    select schema_name, view_name from duckdb_views()
    where not internal and schema_name in {MART_SCHEMAS}
    order by 1, 2
"""


class NotPublished(RuntimeError):
    """The build is not one to publish; the last good copy was left in place."""


def build_id(run_results: Path | None) -> tuple[str | None, str | None]:
    """(invocation id, generated at) of a successful build; raises NotPublished otherwise."""
    if run_results is None:
        return None, None
    if not run_results.exists():
        raise NotPublished(f"{run_results}: no run results, so no build to publish")
    results = json.loads(run_results.read_text(encoding="utf-8"))
    bad = sorted(
        f"{result['unique_id']} ({result['status']})"
        for result in results["results"]
        if result["status"] in BAD_STATUSES
    )
    if bad:
        raise NotPublished(f"the build did not succeed ({len(bad)} nodes): {', '.join(bad[:5])}")
    metadata = results.get("metadata", {})
    return metadata.get("invocation_id"), metadata.get("generated_at")


def publish_copy(db: Path, out: Path, run_results: Path | None = None) -> Path:
    """Copy ``db`` to ``out/juesuan.duckdb`` atomically, then its marts to Parquet."""
    invocation_id, generated_at = build_id(run_results)
    if not db.exists():
        raise FileNotFoundError(f"{db}: no warehouse here; run `make build` first")
    out.mkdir(parents=True, exist_ok=True)
    target = out / PUBLISHED_NAME
    staging = out / f".{PUBLISHED_NAME}.{os.getpid()}.tmp"
    try:
        copy_quiescent(db, staging)
        stamp(staging, db, invocation_id, generated_at)
        parquet_dir = export_parquet(staging, out)
        os.chmod(staging, 0o444)
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    switch_link(out / "parquet", parquet_dir)
    return target


def copy_quiescent(db: Path, destination: Path) -> None:
    """Copy the warehouse while holding its write lock: a running build makes this fail
    instead of copying a half-written file, and no build can start during the copy. The
    checkpoint first moves any write-ahead log into the file."""
    try:
        connection = duckdb.connect(str(db))
    except duckdb.IOException as error:
        raise NotPublished(f"{db} is open by another process (a build?): {error}") from error
    with connection:
        connection.execute("checkpoint")
        shutil.copyfile(db, destination)
        with destination.open("rb+") as handle:
            os.fsync(handle.fileno())


def stamp(copy: Path, source: Path, invocation_id: str | None, generated_at: str | None) -> None:
    """Record which build the copy holds, so a reader can tell."""
    with duckdb.connect(str(copy)) as connection:
        connection.execute("create schema if not exists publication")
        connection.execute(
            """create or replace table publication.published_build as
               select ? as invocation_id, cast(? as timestamp) as built_at,
                      cast(? as timestamp) as published_at, ? as source_path""",
            [invocation_id, generated_at, datetime.now(UTC).replace(tzinfo=None), str(source)],
        )
        connection.execute("checkpoint")


def export_parquet(copy: Path, out: Path) -> Path:
    """Every mart of the copy as ``<dir>/<schema>/<model>.parquet``, in a new directory."""
    directory = out / f".parquet-{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{os.getpid()}"
    with duckdb.connect(str(copy), read_only=True) as connection:
        for schema, name in connection.execute(MARTS_QUERY).fetchall():
            (directory / schema).mkdir(parents=True, exist_ok=True)
            path = directory / schema / f"{name}.parquet"
            connection.execute(f'copy (select * from "{schema}"."{name}") to \'{path}\' (format parquet)')
    return directory


def switch_link(link: Path, directory: Path) -> None:
    """Point ``link`` at ``directory`` in one rename, then remove the directories it no longer
    points at (a reader with an open file keeps reading it)."""
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    temporary = link.with_name(f".{link.name}.{os.getpid()}.link")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(directory.name)
    os.replace(temporary, link)
    for old in link.parent.glob(".parquet-*"):
        if old.name != directory.name:
            shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None, prog: str = "juesuan share") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Share the built warehouse: a read-only copy and Parquet files for readers."
    )
    parser.add_argument(
        "--db", type=Path, default=Path("warehouse/juesuan.duckdb"), help="the built warehouse"
    )
    parser.add_argument("--out", type=Path, default=Path("warehouse/published"), help="where readers look")
    parser.add_argument(
        "--run-results", type=Path, help="dbt's run_results.json: publish only if that build succeeded"
    )
    args = parser.parse_args(argv)
    try:
        target = publish_copy(args.db, args.out, args.run_results)
    except NotPublished as error:
        print(f"not shared, the last good copy stays: {error}", file=sys.stderr)
        return 1
    print(f"shared {target} and {args.out / 'parquet'}/ (read-only, for readers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
