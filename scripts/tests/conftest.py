"""Run the dbt project on a corrupted copy of itself and report which tests failed."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

PROJECT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ["dbt_project.yml", "profiles.yml", "selectors.yml", "models", "seeds", "tests", "macros"]


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
    dbt = Path(sys.executable).with_name("dbt")
    environment = {
        **os.environ,
        "JUESUAN_DUCKDB": str(project / "warehouse.duckdb"),
        "DBT_PROFILES_DIR": str(project),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    completed = subprocess.run(
        [str(dbt), "build", "--project-dir", str(project)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
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
    dbt = Path(sys.executable).with_name("dbt")
    environment = {
        **os.environ,
        "JUESUAN_DUCKDB": str(project / "warehouse.duckdb"),
        "DBT_PROFILES_DIR": str(project),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    return subprocess.run(
        [str(dbt), command, "--project-dir", str(project)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


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
