"""juesuan: one command for the 部门决算公开 warehouse.

    juesuan COMMAND [options]        juesuan COMMAND --help

Each command is a module with its own options; this only chooses it, so ``juesuan --help`` does
not import what the commands need (dbt, matplotlib, WeasyPrint). The developer tools live in the
package ``juesuan_dev`` and are handed over to only when asked for.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from importlib import metadata

# name: (module with main(argv, prog), one line of help)
COMMANDS = {
    "ingest": (
        "juesuan.ingest.cli",
        "read a ledger folder (csv, tsv, xlsx, xls, parquet; any encoding) and say what it holds",
    ),
    "build": ("juesuan.build", "build the warehouse and every disclosure table (dbt build)"),
    "share": (
        "juesuan.share",
        "share the built warehouse: a read-only copy and Parquet files for readers and BI tools",
    ),
    "export": ("juesuan.export", "export every disclosure cell and each printed table to CSV"),
    "publish": (
        "juesuan.publish.cli",
        "publish the disclosure document: the workbook, the HTML page and its PDF",
    ),
    "docs": ("juesuan.docs", "write the documentation site, one offline HTML file"),
    "audit": (
        "juesuan.audit.cli",
        "audit published documents (PDF, workbook, CSV folder): every rule, findings with page and cells",
    ),
    "codes": ("juesuan.codes", "install a year's official code list into the reference seeds"),
    "generate": ("juesuan.generate", "generate a synthetic ledger of any size that passes every check"),
    "vouchers": (
        "juesuan.vouchers",
        "write a contract ledger as a finance system's books (vouchers, trial balance)",
    ),
}
DEVELOPER_COMMANDS = {
    "rules": ("juesuan_dev.rules", "write docs/rules.md, the rule catalogue, from the project's tests"),
    "check-yaml": (
        "juesuan_dev.yaml_check",
        "validate the project's YAML against the JSON schemas dbt-core ships",
    ),
    "compare-targets": (
        "juesuan_dev.compare_targets",
        "compare a model between the DuckDB build and the PostgreSQL or Spark build, row for row",
    ),
    "portable-types": (
        "juesuan_dev.portable_types",
        "find (--rewrite: replace) a bare varchar, which Spark refuses, in models, macros, tests, seeds",
    ),
    "bench": (
        "juesuan_dev.bench.__main__",
        "time dbt against a hand-written DuckDB script and pandas; write BENCHMARKS.md",
    ),
    "bench-ingest": (
        "juesuan_dev.bench.ingest",
        "time reading a 1M-line ledger as GB18030 CSV and as xlsx against Parquet; write BENCHMARKS.md",
    ),
    "bench-books": (
        "juesuan_dev.bench.books",
        "time the voucher door against the contract door on one ledger (10M voucher lines); write BENCHMARKS.md",
    ),
}


def version() -> str:
    try:
        return metadata.version("juesuan")
    except metadata.PackageNotFoundError:
        return "not installed"


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="juesuan",
        description="部门决算公开: a department's ledgers to its final-accounts disclosure.",
        epilog="`juesuan COMMAND --help` describes each command. The README's two commands, "
        "`make run` and `make test`, run these in order.",
    )
    parser.add_argument("--version", action="version", version=f"juesuan {version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for title, table in (("", COMMANDS), ("[developer] ", DEVELOPER_COMMANDS)):
        for name, (_, help_text) in table.items():
            # Each command parses its own options (and answers its own --help).
            commands.add_parser(name, help=f"{title}{help_text}", add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    args, rest = parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    module_name, _ = {**COMMANDS, **DEVELOPER_COMMANDS}[args.command]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if args.command in DEVELOPER_COMMANDS:
            print(
                f"juesuan {args.command} is a developer tool and needs `pip install -e '.[dev]'` "
                f"(`make setup`): {error}",
                file=sys.stderr,
            )
            return 2
        raise
    return module.main(rest, prog=f"juesuan {args.command}")


if __name__ == "__main__":
    raise SystemExit(main())
