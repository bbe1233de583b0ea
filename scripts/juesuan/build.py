"""juesuan build: ``dbt build`` of the project into a warehouse file.

    juesuan build [--db warehouse/juesuan.duckdb] [--ledger DIR] [--selector NAME] [DBT ARGS …]

Without ``--ledger`` (or ``JUESUAN_LEDGER_PATH``) the bundled example seeds are the ledger; with
it, the folder's files are landed first (``juesuan ingest``: any of csv, tsv, txt, xlsx, xls,
parquet, in UTF-8, GB18030 or UTF-16; headers by name or alias) and the build reads the landing,
naming every file problem as a finding of an input rule (docs/input_contract.md). Every
argument this command does not know goes to ``dbt build`` as it is (``--fail-fast``,
``--full-refresh``, ``--warn-error``, ``--vars …``); so does everything after ``--``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from juesuan.dbt_runner import PROJECT, run_dbt

DEFAULT_DB = "warehouse/juesuan.duckdb"


def parser(prog: str = "juesuan build") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Build the warehouse and every disclosure table with dbt (dbt build).",
        epilog="Any other argument goes to `dbt build` as it is, e.g. --fail-fast, --full-refresh, "
        "--warn-error, --vars '{...}'; so does everything after `--`.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(os.environ.get("JUESUAN_DUCKDB", DEFAULT_DB)),
        help=f"the warehouse file to build (default: $JUESUAN_DUCKDB or {DEFAULT_DB})",
    )
    parser.add_argument(
        "--ledger",
        type=Path,
        default=os.environ.get("JUESUAN_LEDGER_PATH") or None,
        help="folder of ledger files <entity>.csv|tsv|txt|xlsx|xls|parquet (default: $JUESUAN_LEDGER_PATH, "
        "else the bundled example seeds)",
    )
    parser.add_argument(
        "--selector",
        help="a selector of selectors.yml: `everything` adds the unit tests and fixture proofs "
        "(default: the project's default selector, `disclosure`)",
    )
    parser.add_argument("--select", "-s", nargs="+", metavar="NODE", help="only these nodes (dbt --select)")
    parser.add_argument(
        "--fresh", action="store_true", help="delete the warehouse file first (a build from nothing)"
    )
    parser.add_argument("--target-path", type=Path, help="dbt's artifacts (default: <project>/target)")
    parser.add_argument("--log-path", type=Path, help="dbt's log folder (default: <project>/logs)")
    parser.add_argument(
        "--project-dir", type=Path, default=PROJECT, help=f"the dbt project (default: {PROJECT})"
    )
    return parser


def absolute(path: Path | None) -> Path | None:
    """Paths are the caller's, not dbt's: dbt runs in the project folder."""
    return None if path is None else path.expanduser().resolve()


def main(argv: list[str] | None = None, prog: str = "juesuan build") -> int:
    args, dbt_args = parser(prog).parse_known_args(argv)
    if "--" in dbt_args:  # the separator itself is not for dbt
        dbt_args.remove("--")
    db = absolute(args.db)
    if args.fresh:
        for path in (db, db.with_name(f"{db.name}.wal")):
            path.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    arguments = [
        "build",
        *(["--selector", args.selector] if args.selector else []),
        *(["--select", *args.select] if args.select else []),
        *dbt_args,
    ]
    completed = run_dbt(
        arguments,
        project=absolute(args.project_dir),
        warehouse=db,
        ledger=absolute(args.ledger),
        target_path=absolute(args.target_path),
        log_path=absolute(args.log_path),
        capture=False,
    )
    return completed.returncode


if __name__ == "__main__":
    raise SystemExit(main())
