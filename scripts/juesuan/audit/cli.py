"""juesuan audit: check published 部门决算 documents with the rule catalogue.

    juesuan audit PATH… [--profile P] [--out DIR] [--format csv,json,html]

Each PATH is a published PDF, a workbook in a known profile's layout, a folder of the project's
exported CSVs or a transcription folder, or a folder of many PDFs/workbooks (a batch). All are
read into one document landing (juesuan.audit.landing.land_documents), then ONE dbt build
(selector `documents`) runs every rule on every document: the catalogue's table and cross-table
identities within the printed rounding, and the document rules D01-D29 (docs/audit.md). The
findings are printed (rule, severity, page, cells or sentence, expected/actual, and a batch
table), and written to DIR as findings.csv, findings.json and report.html.

Exit status: 0 when no rule of severity error fails (with ``--fail-on warn``: no rule at all), 1
when one does, 2 when the audit could not run to the end (a model or test errored: the checks
are incomplete, nothing is called passed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from juesuan.audit import report
from juesuan.dbt_runner import PROJECT, run_dbt

DEFAULT_OUT = Path("output/audit")


def parser(prog: str = "juesuan audit") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Audit published disclosure documents (PDF, workbook, exported CSVs): every table "
        "identity of the rule catalogue, cross-table identities, narrative against tables, structure.",
        allow_abbrev=False,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a document or a folder of them")
    parser.add_argument(
        "--profile", help="the disclosure profile (ref_disclosure_profiles), else detected per document"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"where the reports go (default: {DEFAULT_OUT})"
    )
    parser.add_argument(
        "--format",
        default="csv,json,html",
        help="report files, comma-separated among csv, json, html (default: all three)",
    )
    parser.add_argument(
        "--fail-on",
        choices=["error", "warn"],
        default="error",
        help="exit 1 on a finding of this severity or worse (default: error; `warn`: on any finding)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--project-dir", type=Path, default=PROJECT, help=f"the dbt project (default: {PROJECT})"
    )
    return parser


def formats_of(text: str) -> list[str]:
    formats = [name.strip() for name in text.split(",") if name.strip()]
    unknown = sorted(set(formats) - set(report.FORMATS))
    if unknown:
        raise SystemExit(f"juesuan audit: unknown format {', '.join(unknown)} (csv, json, html)")
    return formats


def check(landing: Path, out: Path, project: Path = PROJECT) -> tuple[Path, list[str]]:
    """One dbt build of the documents selector over ``landing`` into a fresh warehouse under
    ``out``; returns the warehouse and the nodes that did not run to the end (errors, skips)."""
    # Not audit.duckdb: DuckDB names the catalog after the file, and the schema audit would be ambiguous.
    warehouse = out / "checks.duckdb"
    for stale in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
        stale.unlink(missing_ok=True)
    target = out / "target"
    completed = run_dbt(
        ["build", "--selector", "documents", "--vars", json.dumps({"document_landing": str(landing)})],
        project=project,
        warehouse=warehouse,
        target_path=target,
        log_path=out / "logs",
    )
    results_path = target / "run_results.json"
    if not results_path.exists():
        raise SystemExit(f"juesuan audit: dbt did not run:\n{completed.stdout}\n{completed.stderr}")
    results = json.loads(results_path.read_text(encoding="utf-8"))["results"]
    unfinished = [
        f"{result['unique_id']}: {result['status']} {result.get('message') or ''}".strip()
        for result in results
        if result["status"] in ("error", "skipped", "runtime error")
    ]
    return warehouse, unfinished


def main(argv: list[str] | None = None, prog: str = "juesuan audit") -> int:
    args = parser(prog).parse_args(argv)
    formats = formats_of(args.format)
    from juesuan.audit.landing import land_documents

    out = args.out.expanduser().resolve()
    landing = out / "landing"
    landing.mkdir(parents=True, exist_ok=True)
    paths = [path.expanduser().resolve() for path in args.paths]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise SystemExit(f"juesuan audit: no such file or folder: {', '.join(missing)}")
    summaries = land_documents(paths, landing, profile=args.profile, progress=not args.quiet)
    if not summaries:
        raise SystemExit(f"juesuan audit: no document found in {', '.join(map(str, paths))}")
    warehouse, unfinished = check(landing, out, args.project_dir.resolve())
    documents = report.results(landing, warehouse)
    print(report.console(documents))
    for path in report.write(documents, out, formats):
        print(f"wrote {path}")
    if unfinished:
        print(
            "审核未完成 audit incomplete: these nodes did not run to the end, so not every rule was checked:"
        )
        for line in unfinished:
            print(f"  {line}")
        return 2
    failing = sum(
        document.errors + (document.warnings if args.fail_on == "warn" else 0) for document in documents
    )
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
