"""The ingest step: a ledger folder as an office hands it over, landed for DuckDB.

    from juesuan.ingest import ingest
    landing = ingest(Path("/data/ledger-2024"), Path("target/landing"))

Python reads only what DuckDB cannot (GB18030/UTF-16 text, workbooks) and matches headers by
name; it judges no value. Every file problem is a finding of a named input rule, which the dbt
build reports and stops on like every other rule (landing.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from juesuan.ingest.contract import Contract, load_contract
from juesuan.ingest.landing import Landing, land

__all__ = ["Contract", "Landing", "describe", "ingest", "load_contract"]


def ingest(folder: Path, landing: Path, project: Path | None = None) -> Landing:
    from juesuan.dbt_runner import PROJECT

    if not folder.is_dir():
        raise FileNotFoundError(f"ledger folder not found: {folder}")
    return land(folder, landing, load_contract(project or PROJECT))


def describe(result: Landing, stream=None) -> None:
    """What was read from where, one line an entity; then the files nobody reads."""
    # sys.stdout when called, not when imported: a test's capture replaces it between calls.
    stream = stream or sys.stdout
    print(f"读入账簿 ledger files: {result.folder}", file=stream)
    width = max(len(read.entity) for read in result.files)
    for read in result.files:
        if read.status == "absent":
            print(f"  {read.entity:<{width}}  (no file: optional)", file=stream)
            continue
        if read.status == "other_door":
            if result.door == "vouchers":  # the lines files are what the books become
                print(f"  {read.entity:<{width}}  (from the books)", file=stream)
            continue
        if read.source_file is None or read.status == "refused":
            problems = [item.rule_id for item in result.findings if item.entity == read.entity]
            print(f"  {read.entity:<{width}}  not read: {', '.join(sorted(set(problems)))}", file=stream)
            continue
        name = Path(read.source_file).name + (f" [{read.source_sheet}]" if read.source_sheet else "")
        how = "read in place" if read.status == "in_place" else (read.encoding or read.file_format)
        extra = f", {read.lines_not_read} line(s) not read (title/blank)" if read.lines_not_read else ""
        rows = f"{read.rows:,} row" + ("" if read.rows == 1 else "s")
        print(f"  {read.entity:<{width}}  ← {name} ({how}): {rows}{extra}", file=stream)
    if result.not_read:
        print(f"  not a ledger file, not read: {', '.join(result.not_read)}", file=stream)
    if result.findings:
        rules = sorted({item.rule_id for item in result.findings})
        print(
            f"  {len(result.findings)} file finding(s) ({', '.join(rules)}): reported with the audit below",
            file=stream,
        )
