"""juesuan ingest: land a ledger folder for the warehouse, without building it.

    juesuan ingest LEDGER_DIR [--out target/landing]

``juesuan build --ledger DIR`` does this first; alone, it shows what would be read (file, sheet,
encoding, rows) and every file finding, and exits 1 when one of them is an error.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from juesuan.dbt_runner import PROJECT
from juesuan.ingest import describe, ingest, load_contract


def main(argv: list[str] | None = None, prog: str = "juesuan ingest") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0].split(": ", 1)[1])
    parser.add_argument("folder", type=Path, help="the ledger folder (csv, tsv, txt, xlsx, xls, parquet)")
    parser.add_argument("--out", type=Path, default=Path("target/landing"), help="where to land it")
    args = parser.parse_args(argv)
    result = ingest(args.folder.resolve(), args.out.resolve())
    describe(result)
    contract = load_contract(PROJECT)
    for item in result.findings:
        rule = contract.rule(item.rule_id)
        where = " ".join(
            str(part)
            for part in (
                item.source_file,
                item.source_sheet and f"[{item.source_sheet}]",
                item.source_row and f"第{item.source_row}行",
            )
            if part
        )
        print(f"  {item.rule_id} [{rule.severity}] {rule.message}: {where}: {item.problem}")
    return 1 if result.errors(contract) else 0
