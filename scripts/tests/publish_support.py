"""Shared by the publish and narrative tests: one warehouse and one set of outputs per session.

The warehouse is the one ``make test`` built (``JUESUAN_TEST_DB``, i.e. ``$(TEST_DIR)/test.duckdb``)
when it exists; otherwise (pytest alone, from a clean checkout) dbt seeds and runs the project
once into a temporary directory.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from juesuan.dbt_runner import run_dbt

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
    for command in ("seed", "run"):
        run_dbt(
            [command],
            warehouse=path,
            target_path=session_dir() / "dbt",
            log_path=session_dir() / "logs",
            check=True,
        )
    return path


@functools.cache
def published() -> Path:
    """The example's outputs, published once: <dir>/ZZGX-DSJ/2023/决算公开.{xlsx,html,pdf}."""
    from juesuan.publish import cli

    out = session_dir() / "output"
    cli.publish(warehouse(), out, department=EXAMPLE[0], year=EXAMPLE[1])
    return out / EXAMPLE[0] / str(EXAMPLE[1])
