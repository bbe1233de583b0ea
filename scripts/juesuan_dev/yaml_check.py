"""Catch misspelt keys in dbt property files.

On DuckDB dbt does not warn about unknown keys, so ``data_test:`` or ``argumnets:`` silently
disables a test. This walks every ``.yml`` under models/ and seeds/ and reports each key that is
not one dbt knows at that place, with the file and the path to the key.

    python -m juesuan_dev.yaml_check [project_dir]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

TOP_KEYS = {
    "version",
    "models",
    "seeds",
    "sources",
    "macros",
    "exposures",
    "unit_tests",
    "snapshots",
    "analyses",
    "semantic_models",
    "metrics",
    "saved_queries",
    "groups",
    "data_tests",
}
NODE_KEYS = {
    "name",
    "description",
    "config",
    "columns",
    "data_tests",
    "docs",
    "constraints",
    "versions",
    "latest_version",
    "deprecation_date",
    "access",
    "group",
    "time_spine",
}
COLUMN_KEYS = {
    "name",
    "description",
    "data_type",
    "data_tests",
    "constraints",
    "quote",
    "config",
    "granularity",
    "docs",
}
TEST_KEYS = {"arguments", "config", "name", "description", "column_name"}
TEST_CONFIG_KEYS = {
    "severity",
    "error_if",
    "warn_if",
    "where",
    "limit",
    "store_failures",
    "store_failures_as",
    "fail_calc",
    "meta",
    "tags",
    "enabled",
    "database",
    "schema",
    "alias",
}
NODE_CONFIG_KEYS = {
    "column_types",
    "materialized",
    "meta",
    "tags",
    "enabled",
    "schema",
    "alias",
    "database",
    "contract",
    "persist_docs",
    "docs",
    "quote_columns",
    "delimiter",
    "full_refresh",
    "grants",
    "access",
    "group",
    "on_schema_change",
    "unique_key",
    "pre_hook",
    "post-hook",
    "pre-hook",
    "post_hook",
    "event_time",
}
UNIT_TEST_KEYS = {"name", "model", "given", "expect", "description", "config", "overrides", "versions"}


def problems_in(path: Path) -> Iterator[str]:
    """Every unknown key in one property file, as 'file: path.to.key'."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key, value in document.items():
        if key.startswith("x-"):  # YAML anchors live under x- keys
            continue
        if key not in TOP_KEYS:
            yield f"{path}: unknown top-level key {key!r}"
        elif key == "unit_tests":
            for test in value or []:
                yield from _unknown(path, f"unit_tests.{test.get('name')}", test, UNIT_TEST_KEYS)
        elif key in {"models", "seeds", "snapshots"}:
            for node in value or []:
                yield from _node_problems(path, f"{key}.{node.get('name')}", node)


def _node_problems(path: Path, where: str, node: dict) -> Iterator[str]:
    yield from _unknown(path, where, node, NODE_KEYS)
    yield from _unknown(path, f"{where}.config", node.get("config") or {}, NODE_CONFIG_KEYS)
    yield from _test_problems(path, where, node.get("data_tests"))
    for column in node.get("columns") or []:
        column_where = f"{where}.columns.{column.get('name')}"
        yield from _unknown(path, column_where, column, COLUMN_KEYS)
        yield from _test_problems(path, column_where, column.get("data_tests"))


def _test_problems(path: Path, where: str, tests: list | None) -> Iterator[str]:
    for test in tests or []:
        if isinstance(test, str):
            continue
        if len(test) != 1:
            yield f"{path}: {where}.data_tests: a test entry must have one key, got {sorted(test)}"
            continue
        ((test_name, body),) = test.items()
        body = body or {}
        yield from _unknown(path, f"{where}.data_tests.{test_name}", body, TEST_KEYS)
        config = body.get("config") or {}
        yield from _unknown(path, f"{where}.data_tests.{test_name}.config", config, TEST_CONFIG_KEYS)


def _unknown(path: Path, where: str, mapping: dict, allowed: set[str]) -> Iterator[str]:
    for key in mapping:
        if key not in allowed:
            yield f"{path}: {where}: unknown key {key!r}"


def check_project(project: Path) -> list[str]:
    """All problems in the property files of a dbt project."""
    files = sorted([*project.glob("models/**/*.yml"), *project.glob("seeds/**/*.yml")])
    return [problem for path in files for problem in problems_in(path)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Report unknown keys in dbt property files.")
    parser.add_argument("project", type=Path, nargs="?", default=Path("."), help="dbt project folder")
    args = parser.parse_args(argv)
    problems = check_project(args.project)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"yaml_check: {len(problems)} unknown keys")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
