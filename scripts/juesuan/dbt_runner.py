"""The one way the project's Python runs dbt: ``juesuan build``, the tests and the benchmark.

Every run gets the same environment: the profile from the project folder (``DBT_PROFILES_DIR``),
the warehouse file (``JUESUAN_DUCKDB``), the landed ledger (``JUESUAN_LEDGER_LANDING``: a ledger
folder given as ``ledger`` is landed first by the ingest step, into ``<target>/landing``; unset
means the bundled example seeds, so a ledger set in the caller's shell never leaks into a test)
and its door (``JUESUAN_LEDGER_DOOR``: the books or the contract's lines files, which dbt must
know before it parses, macros/vouchers/ledger_door.sql),
no usage statistics; and the same command: the venv's ``dbt``, the project folder, and the target
and log folders when given.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from juesuan.ingest import Landing

PROJECT = Path(__file__).resolve().parents[2]


def dbt_executable() -> str:
    """The ``dbt`` installed beside this Python (the project's venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    if beside.exists():
        return str(beside)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed: run `make setup`")
    return found


def dbt_environment(
    warehouse: Path | None = None,
    landing: Landing | None = None,
    profiles_dir: Path | None = None,
    project: Path = PROJECT,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    """The caller's environment with the project's dbt settings on top."""
    environment = {
        **os.environ,
        "DBT_PROFILES_DIR": str(profiles_dir or project),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    environment.pop("JUESUAN_LEDGER_PATH", None)
    environment.pop("JUESUAN_LEDGER_LANDING", None)
    environment.pop("JUESUAN_LEDGER_DOOR", None)
    if warehouse is not None:
        environment["JUESUAN_DUCKDB"] = str(warehouse)
    if landing is not None:
        environment["JUESUAN_LEDGER_LANDING"] = str(landing.landing)
        environment["JUESUAN_LEDGER_DOOR"] = landing.door
    return {**environment, **(extra or {})}


def dbt_command(
    arguments: list[str],
    project: Path = PROJECT,
    target_path: Path | None = None,
    log_path: Path | None = None,
) -> list[str]:
    """``dbt <arguments> --project-dir <project> [--target-path …] [--log-path …]``."""
    command = [dbt_executable(), *arguments, "--project-dir", str(project)]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    if log_path is not None:
        command += ["--log-path", str(log_path)]
    return command


def run_dbt(
    arguments: list[str],
    *,
    project: Path = PROJECT,
    warehouse: Path | None = None,
    ledger: Path | None = None,
    target_path: Path | None = None,
    log_path: Path | None = None,
    extra_env: dict[str, str] | None = None,
    capture: bool = True,
    check: bool = False,
) -> subprocess.CompletedProcess:
    """Run dbt to the end; output captured as text unless ``capture`` is false. A ``ledger``
    folder is landed first (juesuan.ingest) into ``<target_path>/landing``; what was read from
    where is printed unless the output is captured."""
    landed = None
    if ledger is not None:
        from juesuan.ingest import describe, ingest

        landed = ingest(ledger, (target_path or project / "target") / "landing", project)
        if not capture:
            describe(landed)
            sys.stdout.flush()
    return subprocess.run(
        dbt_command(arguments, project, target_path, log_path),
        cwd=project,
        env=dbt_environment(warehouse, landed, project=project, extra=extra_env),
        capture_output=capture,
        text=True,
        check=check,
    )


def start_dbt(
    arguments: list[str],
    *,
    project: Path = PROJECT,
    warehouse: Path | None = None,
    target_path: Path | None = None,
    log_path: Path | None = None,
) -> subprocess.Popen:
    """Start dbt in the background, its output (stdout and stderr) on ``process.stdout``."""
    return subprocess.Popen(
        dbt_command(arguments, project, target_path, log_path),
        cwd=project,
        env=dbt_environment(warehouse, project=project),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
