"""juesuan publish: every department and year in the warehouse → workbook, HTML, PDF.

Writes ``<out>/<department>/<year>/决算公开.xlsx`` for every department and year, and, where the
department has given its own words for that year (seeds/narrative), ``决算公开.html``,
``决算公开.pdf`` and ``charts/*.png``. Progress goes to stderr, one line per step.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb

from juesuan import warehouse
from juesuan.publish import charts, data, document, excel, grids

STEM = "决算公开"


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def publish_one(db_path: Path, out_dir: Path, department: str, year: int, pdf: bool = True) -> list[Path]:
    """Every output of one department and year; returns the files written."""
    started = time.monotonic()
    disclosure = data.load(db_path, department, year)
    folder = out_dir / department / str(year)
    prefix = f"  {department} {year}"
    _progress(f"{prefix}: {STEM}.xlsx (nine tables)")
    written = [
        excel.write_workbook(folder / f"{STEM}.xlsx", grids.build_all(disclosure), disclosure.department_name)
    ]
    chart_files: dict[str, Path] = {}
    if disclosure.has_narrative:
        _progress(
            f"{prefix}: charts ({', '.join(row['part_key'] for row in disclosure.parts('chart')) or 'none'})"
        )
        chart_files = charts.draw_all(disclosure, folder / "charts")
        written += chart_files.values()
    else:
        _progress(f"{prefix}: no narrative seeds for {year} (seeds/narrative): the document is its tables")
    _progress(f"{prefix}: {STEM}.html")
    written.append(document.render_html(disclosure, chart_files, folder / f"{STEM}.html"))
    if pdf:
        _progress(f"{prefix}: {STEM}.pdf")
        written.append(document.render_pdf(folder / f"{STEM}.html", folder / f"{STEM}.pdf"))
    _progress(f"{prefix}: done in {time.monotonic() - started:.1f}s")
    return written


def publish(
    db_path: Path, out_dir: Path, department: str | None = None, year: int | None = None, pdf: bool = True
) -> list[Path]:
    if not warehouse.exists(db_path):
        raise FileNotFoundError(f"{db_path}: no warehouse here; run `make build` first")
    selected = [
        (code, name, fiscal_year)
        for code, name, fiscal_year in data.scopes(db_path)
        if department in (None, code) and year in (None, fiscal_year)
    ]
    if not selected:
        raise LookupError(f"no disclosure for department={department or 'any'} year={year or 'any'}")
    written: list[Path] = []
    for index, (code, name, fiscal_year) in enumerate(selected, start=1):
        _progress(f"[{index}/{len(selected)}] {code} {name} {fiscal_year}")
        written += publish_one(db_path, out_dir, code, fiscal_year, pdf=pdf)
    return written


def main(argv: list[str] | None = None, prog: str = "juesuan publish") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Publish the disclosure: Excel workbook, HTML and PDF."
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=Path("warehouse/juesuan.duckdb"),
        help="warehouse file, or spark[:<folder>] for a Spark build (juesuan.warehouse)",
    )
    parser.add_argument("--out", type=Path, default=Path("output"), help="output folder")
    parser.add_argument("--department", help="only this department_code")
    parser.add_argument("--year", type=int, help="only this fiscal year")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF (faster)")
    args = parser.parse_args(argv)
    try:
        written = publish(args.db, args.out, args.department, args.year, pdf=not args.no_pdf)
    except (FileNotFoundError, LookupError, RuntimeError, duckdb.Error) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0
