"""Run the hand-written DuckDB script (disclosure.sql) on a ledger folder.

    python -m juesuan_dev.bench.handwritten --ledger DIR --db OUT.duckdb

Leaves every cell in table ``cells`` of ``--db``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from string import Template

import duckdb

SCRIPT = Path(__file__).with_name("disclosure.sql")
REFERENCE = Path(__file__).resolve().parents[3] / "seeds" / "reference"


def run(ledger: Path, db: Path, reference: Path = REFERENCE) -> int:
    """Build the cells; return their number."""
    sql = Template(SCRIPT.read_text(encoding="utf-8")).substitute(
        ledger=ledger.resolve().as_posix(), reference=reference.resolve().as_posix()
    )
    db.unlink(missing_ok=True)
    with duckdb.connect(str(db)) as connection:
        # The warehouse's own settings (profiles.yml), so both run under the same memory cap.
        connection.execute("set enable_progress_bar = false")
        connection.execute("set preserve_insertion_order = false")
        connection.execute(f"set memory_limit = '{os.environ.get('JUESUAN_DUCKDB_MEMORY_LIMIT', '3GB')}'")
        connection.execute(sql)
        return connection.execute("select count(*) from cells").fetchone()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m juesuan_dev.bench.handwritten", description=__doc__)
    parser.add_argument("--ledger", type=Path, required=True, help="folder with <entity>.parquet")
    parser.add_argument("--db", type=Path, required=True, help="DuckDB file to write (replaced)")
    args = parser.parse_args(argv)
    print(f"{run(args.ledger, args.db):,} cells")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
