"""The cost of reading an office's files: ``juesuan bench-ingest`` (``make bench-ingest``).

The 1M-line ledger of the benchmark (juesuan bench's ``1m``: 100 departments, 2 years, Parquet)
is written again as GB18030 CSV files with Chinese headers (what Excel saves on a Chinese
Windows) and as xlsx workbooks, then each of the three folders is, in its own process, (a)
landed (``juesuan ingest``) and (b) built (``juesuan build --ledger``, which lands it first):
median wall time, CPU and peak memory, as the main benchmark measures them. The three builds
must give identical cells. Results go between the ``ingest`` markers of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import duckdb

from juesuan.generate import ENTITIES  # the files the generator writes
from juesuan.ingest.contract import preferred_headers
from juesuan_dev.bench.__main__ import (
    BIN,
    PROJECT,
    cells_differing,
    ensure_ledger,
    machine,
    measure,
    write_results,
)


def rows(parquet: Path):
    """A Parquet file's header and rows as text, in batches."""
    with duckdb.connect() as connection:
        result = connection.execute(f"select * from read_parquet('{parquet}')")
        header = [column[0] for column in result.description]
        yield header
        while batch := result.fetchmany(100_000):
            for row in batch:
                yield ["" if value is None else str(value) for value in row]


def chinese(entity: str, names: list[str]) -> list[str]:
    """The header an office writes for each column (juesuan.ingest.contract.preferred_headers)."""
    headers = preferred_headers(PROJECT, entity)
    return [headers.get(name, name) for name in names]


def write_gb18030(source: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for entity in ENTITIES:
        records = rows(source / f"{entity}.parquet")
        with (folder / f"{entity}.csv").open("w", encoding="gb18030", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(chinese(entity, next(records)))
            writer.writerows(records)


def write_xlsx(source: Path, folder: Path) -> None:
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    for entity in ENTITIES:
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet(entity)
        records = rows(source / f"{entity}.parquet")
        sheet.append(chinese(entity, next(records)))
        for record in records:
            sheet.append(record)
        workbook.save(folder / f"{entity}.xlsx")


def ensure(folder: Path, writer, source: Path) -> float:
    stamp = folder / ".written"
    if stamp.exists():
        return float(stamp.read_text())
    started = time.perf_counter()
    writer(source, folder)
    seconds = round(time.perf_counter() - started, 1)
    stamp.write_text(str(seconds))
    return seconds


def main(argv: list[str] | None = None, prog: str = "juesuan bench-ingest") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=PROJECT / "target" / "bench")
    parser.add_argument("--out", type=Path, default=PROJECT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    info = ensure_ledger("1m", work, 1)
    parquet = work / "ledger-1m"
    folders = {"parquet": parquet, "gb18030 csv": work / "ledger-1m-gb18030", "xlsx": work / "ledger-1m-xlsx"}
    written = {
        "gb18030 csv": ensure(folders["gb18030 csv"], write_gb18030, parquet),
        "xlsx": ensure(folders["xlsx"], write_xlsx, parquet),
    }
    measures = []
    for name, folder in folders.items():
        slug = name.replace(" ", "-")
        ingest = [str(BIN / "juesuan"), "ingest", str(folder), "--out", str(work / f"landing-{slug}")]
        measures.append(measure(f"ingest {name}", "1m", [(ingest, None)] * args.repeats, work))
        db = work / f"ingest-{slug}.duckdb"
        build = [
            "sh", "-c",
            f"rm -f {db} {db}.wal && exec {BIN / 'juesuan'} build --ledger {folder} --db {db} "
            f"--target-path {work / f'dbt-ingest-{slug}'} --log-path {work / 'logs' / f'dbt-ingest-{slug}'}",
        ]  # fmt: skip
        measures.append(measure(f"build {name}", "1m", [(build, None)] * args.repeats, work))
    count, differing = cells_differing([work / f"ingest-{name.replace(' ', '-')}.duckdb" for name in folders])
    lines = [
        f"Run {started} UTC, `juesuan bench-ingest --repeats {args.repeats}`. Machine: {machine()}.",
        "",
        f"The 1m ledger ({info['lines']:,} income and spending lines, {info['other']:,} other rows) in "
        f"three forms: Parquet as generated; GB18030 CSV with Chinese headers (written in "
        f"{written['gb18030 csv']:.0f} s); xlsx workbooks, one sheet per file (written in {written['xlsx']:.0f} s).",
        "",
        "| what | runs | median wall s | all runs s | median CPU s | peak MiB |",
        "|---|---:|---:|---|---:|---:|",
    ]
    for m in measures:
        state = "" if m.ok else f" (FAILED: {m.note})"
        lines.append(
            f"| {m.name}{state} | {len(m.seconds)} | {m.median:.1f} | {', '.join(f'{s:.1f}' for s in m.seconds)} | "
            f"{m.median_cpu:.1f} | {m.peak_mib:,.0f} |"
        )
    verdict = "identical" if differing == 0 else f"{differing:,} cells differ"
    lines += ["", f"Cells of the three builds: {verdict} ({count:,} cells each)."]
    write_results("\n".join(lines), args.out, section="ingest")
    print("\n".join(lines))
    return 0 if differing == 0 and all(m.ok for m in measures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
