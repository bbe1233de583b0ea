"""Compare a model between the DuckDB warehouse and the PostgreSQL build, row for row.

    juesuan compare-targets --duckdb warehouse/juesuan.duckdb [--model rpt_disclosure_cells]

PostgreSQL settings come from the same environment variables as the dbt profile
(JUESUAN_PG_HOST, _PORT, _USER, _PASSWORD, _DATABASE, _SCHEMA). Exit 1 on any difference.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb


def postgres_settings(user: str | None = None, password: str | None = None) -> dict[str, str]:
    """psycopg2 connection settings from the profile's environment variables."""
    return {
        "host": os.environ.get("JUESUAN_PG_HOST", "127.0.0.1"),
        "port": os.environ.get("JUESUAN_PG_PORT", "5432"),
        "user": user or os.environ.get("JUESUAN_PG_USER", "juesuan"),
        "password": password if password is not None else os.environ.get("JUESUAN_PG_PASSWORD", ""),
        "dbname": os.environ.get("JUESUAN_PG_DATABASE", "juesuan"),
    }


def normalised(row: tuple) -> tuple:
    """A row both engines print the same way: decimals to their value, not their scale."""
    return tuple(value.normalize() if isinstance(value, Decimal) else value for value in row)


def duckdb_rows(path: Path, model: str, schema: str = "disclosure") -> tuple[list[str], Counter]:
    with duckdb.connect(str(path), read_only=True) as connection:
        cursor = connection.execute(f'select * from "{schema}"."{model}"')
        columns = [column[0] for column in cursor.description]
        return columns, Counter(normalised(row) for row in cursor.fetchall())


def postgres_rows(model: str, schema: str | None = None) -> tuple[list[str], Counter]:
    import psycopg2

    schema = schema or "disclosure"
    with psycopg2.connect(**postgres_settings()) as connection, connection.cursor() as cursor:
        cursor.execute(f'select * from "{schema}"."{model}"')
        columns = [column[0] for column in cursor.description]
        rows = Counter(normalised(row) for row in cursor.fetchall())
    connection.close()
    return columns, rows


def differences(duckdb_path: Path, model: str) -> list[str]:
    """Every difference between the two builds of ``model`` (empty when identical)."""
    duck_columns, duck = duckdb_rows(duckdb_path, model)
    pg_columns, pg = postgres_rows(model)
    if duck_columns != pg_columns:
        return [f"columns differ: duckdb {duck_columns} postgres {pg_columns}"]
    only_duck = duck - pg
    only_pg = pg - duck
    return [f"only in duckdb: {row}" for row in only_duck] + [f"only in postgres: {row}" for row in only_pg]


def main(argv: list[str] | None = None, prog: str = "juesuan compare-targets") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Compare a model between the DuckDB and PostgreSQL builds."
    )
    parser.add_argument("--duckdb", type=Path, required=True, help="the DuckDB warehouse")
    parser.add_argument("--model", default="rpt_disclosure_cells")
    args = parser.parse_args(argv)
    found = differences(args.duckdb, args.model)
    for line in found[:20]:
        print(line, file=sys.stderr)
    rows = sum(duckdb_rows(args.duckdb, args.model)[1].values())
    print(f"{args.model}: {rows} rows in duckdb, {len(found)} differences with postgres")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
