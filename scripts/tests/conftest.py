"""Run the dbt project on a corrupted copy of itself and report which tests failed."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from juesuan.dbt_runner import run_dbt

PROJECT = Path(__file__).resolve().parents[2]
# Which rules each proof build made fire, by build: test_rules_fire.py's builds and the ledger-file
# builds of test_file_sources.py (which runs first) fill it; the last test of test_rules_fire.py
# checks that together they prove every rule of the catalogue.
PROVEN: dict[str, set[str]] = {}
PROOF_BUILDS = {
    "first",
    "empty files",
    "units",
    "profiles",
    "books_raw",
    "books_lines",
    "lines",
    "identities",
    "file problems",
    "unreadable values",
    "extra columns",
    "doors",
    "documents",
}
PROJECT_PARTS = [
    "dbt_project.yml",
    "profiles.yml",
    "spark-log4j2.properties",
    "selectors.yml",
    "models",
    "seeds",
    "tests",
    "macros",
]


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def edit_csv(path: Path, edit: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    """Rewrite a seed CSV through ``edit`` (which gets and returns the rows as dicts)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = edit(list(reader))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def dbt_build(project: Path) -> dict[str, str]:
    """Build the copy as `dbt build` does by default (selectors.yml: no unit tests or fixture
    proofs); return {test or model name: status} from run_results.json."""
    completed = run_dbt(["build"], project=project, warehouse=project / "warehouse.duckdb")
    results_path = project / "target" / "run_results.json"
    if not results_path.exists():
        raise AssertionError(f"dbt did not run:\n{completed.stdout}\n{completed.stderr}")
    results = json.loads(results_path.read_text(encoding="utf-8"))["results"]
    return {result["unique_id"].split(".")[2]: result["status"] for result in results}


def failed(statuses: dict[str, str]) -> set[str]:
    return {name for name, status in statuses.items() if status in {"fail", "error"}}


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def dbt_run(project: Path, command: str) -> subprocess.CompletedProcess:
    """Run another dbt command (e.g. `test`) on a copy that was already built."""
    return run_dbt([command], project=project, warehouse=project / "warehouse.duckdb")


def findings(project: Path) -> list[dict]:
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        result = connection.sql("select * from audit.audit_findings")
        columns = result.columns
        return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def rules_by(rows: list[dict], key: str) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        grouped[row[key]].add(row["rule_id"])
    return dict(grouped)
