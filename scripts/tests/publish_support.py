"""Shared by the publish and narrative tests: one warehouse and one set of outputs per session.

The warehouse is the one ``make test`` built (``JUESUAN_TEST_DB``, i.e. ``$(TEST_DIR)/test.duckdb``)
when it exists; otherwise (pytest alone, from a clean checkout) dbt seeds and runs the project
once into a temporary directory.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE = ("ZZGX-DSJ", 2023)
DATA = Path(__file__).with_name("data")


@functools.cache
def session_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="juesuan-publish-"))


@functools.cache
def warehouse() -> Path:
    """A built warehouse: make test's own, or a fresh one."""
    given = os.environ.get("JUESUAN_TEST_DB")
    if given and Path(given).exists():
        return Path(given)
    path = session_dir() / "warehouse.duckdb"
    dbt = Path(sys.executable).with_name("dbt")
    environment = {
        **os.environ,
        "JUESUAN_DUCKDB": str(path),
        "DBT_PROFILES_DIR": str(PROJECT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    for command in ("seed", "run"):
        subprocess.run(
            [
                str(dbt),
                command,
                "--target-path",
                str(session_dir() / "dbt"),
                "--log-path",
                str(session_dir() / "logs"),
            ],
            cwd=PROJECT,
            env=environment,
            check=True,
            capture_output=True,
        )
    return path


@functools.cache
def published() -> Path:
    """The example's outputs, published once: <dir>/ZZGX-DSJ/2023/决算公开.{xlsx,html,pdf}."""
    from juesuan.publish import cli

    out = session_dir() / "output"
    cli.publish(warehouse(), out, department=EXAMPLE[0], year=EXAMPLE[1])
    return out / EXAMPLE[0] / str(EXAMPLE[1])
