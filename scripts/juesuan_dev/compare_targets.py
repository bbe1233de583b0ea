"""Compare a model between the DuckDB warehouse and the PostgreSQL or Spark build, row for row.

    juesuan compare-targets --duckdb warehouse/juesuan.duckdb [--target postgres|spark]
        [--model rpt_disclosure_cells | --model audit.audit_findings] [--project-dir DIR]

A model is `name` (schema disclosure) or `schema.name`. PostgreSQL settings come from the same
environment variables as the dbt profile (JUESUAN_PG_HOST, _PORT, _USER, _PASSWORD, _DATABASE,
_SCHEMA); Spark's from the profile's `spark` target (juesuan.spark_session), opened after the
build. Rows are compared as values: decimals by value, not scale; a `detail` column (the audit
findings' row as JSON, which each engine writes in its own spelling: 100.0 or 100.00) as the
JSON's values. Exit 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
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


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, float) and value.is_integer():
        return Decimal(int(value))
    if isinstance(value, float):
        return Decimal(str(value)).normalize()
    if isinstance(value, dict):
        return tuple(sorted((key, _value(item)) for key, item in value.items()))
    if isinstance(value, list):
        return tuple(_value(item) for item in value)
    return value


def normalised(row: tuple, columns: list[str] | None = None) -> tuple:
    """A row every engine prints the same way: decimals to their value, not their scale; the
    JSON in a `detail` column to its values."""
    values = []
    for position, value in enumerate(row):
        if columns and columns[position] == "detail" and isinstance(value, str):
            value = json.loads(value, parse_float=Decimal)
        values.append(_value(value))
    return tuple(values)


def split_model(model: str) -> tuple[str, str]:
    """`schema.name`, or `name` in schema disclosure."""
    schema, _, name = model.rpartition(".")
    return schema or "disclosure", name


def duckdb_rows(path: Path, model: str, schema: str | None = None) -> tuple[list[str], Counter]:
    default_schema, name = split_model(model)
    with duckdb.connect(str(path), read_only=True) as connection:
        cursor = connection.execute(f'select * from "{schema or default_schema}"."{name}"')
        columns = [column[0] for column in cursor.description]
        return columns, Counter(normalised(row, columns) for row in cursor.fetchall())


def postgres_rows(model: str, schema: str | None = None) -> tuple[list[str], Counter]:
    import psycopg2

    default_schema, name = split_model(model)
    with psycopg2.connect(**postgres_settings()) as connection, connection.cursor() as cursor:
        cursor.execute(f'select * from "{schema or default_schema}"."{name}"')
        columns = [column[0] for column in cursor.description]
        rows = Counter(normalised(row, columns) for row in cursor.fetchall())
    connection.close()
    return columns, rows


def spark_rows(model: str, project: Path | None = None) -> tuple[list[str], Counter]:
    from juesuan.dbt_runner import PROJECT
    from juesuan.spark_session import spark_session

    schema, name = split_model(model)
    with spark_session(project or PROJECT) as spark:
        frame = spark.sql(f"select * from `{schema}`.`{name}`")
        columns = list(frame.columns)
        return columns, Counter(normalised(tuple(row), columns) for row in frame.collect())


def differences(
    duckdb_path: Path, model: str, target: str = "postgres", project: Path | None = None
) -> list[str]:
    """Every difference between the DuckDB build of ``model`` and the target's (empty when
    identical)."""
    duck_columns, duck = duckdb_rows(duckdb_path, model)
    other_columns, other = spark_rows(model, project) if target == "spark" else postgres_rows(model)
    if duck_columns != other_columns:
        return [f"columns differ: duckdb {duck_columns} {target} {other_columns}"]
    only_duck = duck - other
    only_other = other - duck
    return [f"only in duckdb: {row}" for row in only_duck] + [
        f"only in {target}: {row}" for row in only_other
    ]


def main(argv: list[str] | None = None, prog: str = "juesuan compare-targets") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Compare a model between the DuckDB build and the PostgreSQL or Spark build."
    )
    parser.add_argument("--duckdb", type=Path, required=True, help="the DuckDB warehouse")
    parser.add_argument("--target", choices=["postgres", "spark"], default="postgres")
    parser.add_argument(
        "--model",
        action="append",
        help="name (schema disclosure) or schema.name; repeatable (default: rpt_disclosure_cells)",
    )
    parser.add_argument("--project-dir", type=Path, help="the dbt project the Spark build ran in")
    args = parser.parse_args(argv)
    failed = False
    for model in args.model or ["rpt_disclosure_cells"]:
        found = differences(args.duckdb, model, args.target, args.project_dir)
        for line in found[:20]:
            print(line, file=sys.stderr)
        rows = sum(duckdb_rows(args.duckdb, model)[1].values())
        print(f"{model}: {rows} rows in duckdb, {len(found)} differences with {args.target}")
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
