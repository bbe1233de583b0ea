"""The voucher door at scale: ``juesuan bench-books`` (``make bench-books``).

A synthetic ledger (juesuan.generate, the benchmark's mix: departments × 5 units × 1,000 lines per
unit and year × 2 years) sized so that its books hold about ``--voucher-lines`` voucher lines is
written twice: as the contract's Parquet files, as the main benchmark builds them, and as a finance
system's books (juesuan.vouchers: vouchers with both 辅助核算 styles, red-ink reversals,
financial-accounting and closing lines; trial balance; budget targets), written a few departments at
a time and stored as Parquet with every column text, which is what the ingest step lands from an
xlsx or CSV export (an xlsx sheet holds at most 1,048,576 rows, and reading text costs the same
whichever door it feeds: BENCHMARKS.md, ingest). Then, each in its own process and timed with its
ingest step as ``juesuan build --ledger`` runs them: ``dbt build`` over the bundled example (the
fixed cost), over that ledger's contract files, over its books and, for 1m and 10m, over the main
benchmark's contract ledger with as many lines as the books have voucher lines. The data-dependent
time of a build is its time minus the example's; the issue's target is books ≤ 1.5 × contract,
reported against both contract builds (the same ledger has about 5.6 times fewer lines than its
books). The books and the same ledger's contract files must give identical cells. Results go
between the ``books-<size>`` markers of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import time
from pathlib import Path

import duckdb

from juesuan.generate import Shape, generate
from juesuan.vouchers import write_books
from juesuan_dev.bench.__main__ import (
    PROJECT,
    SIZES,
    cells_differing,
    dbt_commands,
    ensure_ledger,
    load,
    machine,
    measure,
    write_results,
)

BOOKS = ("vouchers", "trial_balance", "budget_targets")
LINES = ("income_entries", "expenditure_entries", "balance_entries", "budget_lines")
# About 5.6 voucher lines per contract line (4 per income or spending line, a reversal voucher for
# one spending line in 7, the closing vouchers, 结余 movements): 18 departments of 10,000 lines ≈ 1M.
VOUCHER_LINES_PER_DEPARTMENT = 55_700
CHUNK_DEPARTMENTS = 10  # departments written by juesuan.vouchers at once (bounds its memory)


def parse_size(text: str) -> int:
    text = text.lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def ensure_ledgers(work: Path, voucher_lines: int, seed: int) -> dict:
    """The contract ledger (Parquet) and its books (Parquet, text columns), unless already there."""
    departments = max(1, round(voucher_lines / VOUCHER_LINES_PER_DEPARTMENT))
    shape = Shape(departments, 5, 1000, [2022, 2023])
    folder = work / f"books-{departments}d"
    stamp = folder / "written.json"
    if stamp.exists():
        return json.loads(stamp.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    contract, text, books = folder / "contract", folder / "contract-csv", folder / "books"
    started = time.perf_counter()
    generate(contract, shape, file_format="parquet", seed=seed, progress=False)
    generate(text, shape, file_format="csv", seed=seed, progress=False)  # the same ledger, as text
    generated = time.perf_counter() - started
    started = time.perf_counter()
    parts = folder / "parts"
    with duckdb.connect() as connection:
        connection.execute("set enable_progress_bar = false")
        codes = [
            code
            for (code,) in connection.execute(
                f"select department_code from read_csv('{text}/departments.csv', all_varchar = true) order by 1"
            ).fetchall()
        ]
        for number, first in enumerate(range(0, len(codes), CHUNK_DEPARTMENTS)):
            chunk = parts / f"{number:04d}"
            split_contract(connection, text, chunk / "contract", codes[first : first + CHUNK_DEPARTMENTS])
            write_books(chunk / "books", chunk / "contract", aux="mixed", file_format="csv")
        books.mkdir(parents=True)
        for entity in BOOKS:
            connection.execute(
                f"copy (select * from read_csv('{parts}/*/books/{entity}.csv', all_varchar = true, header = true,"
                f" union_by_name = true)) to '{books}/{entity}.parquet' (format parquet)"
            )
        for entity in ("departments", "units", "projects"):
            shutil.copyfile(contract / f"{entity}.parquet", books / f"{entity}.parquet")

        def count(name: str, where: Path) -> int:
            return connection.execute(
                f"select count(*) from read_parquet('{where}/{name}.parquet')"
            ).fetchone()[0]

        info = {
            "folder": str(folder),
            "shape": f"{shape.departments:,} departments × {shape.units_per_department} units × "
            f"{shape.lines_per_unit:,} lines per unit and year × {len(shape.years)} years",
            "contract_lines": count("income_entries", contract) + count("expenditure_entries", contract),
            "voucher_lines": count("vouchers", books),
            "generated_seconds": round(generated, 1),
            "books_seconds": round(time.perf_counter() - started, 1),
        }
    shutil.rmtree(parts)
    shutil.rmtree(text)
    stamp.write_text(json.dumps(info))
    return info


def split_contract(
    connection: duckdb.DuckDBPyConnection, source: Path, out: Path, departments: list[str]
) -> None:
    """The contract CSV files of some departments (their units' lines, projects and budgets)."""
    out.mkdir(parents=True)
    listed = ", ".join(f"'{code}'" for code in departments)
    units = f"(select unit_code from read_csv('{source}/units.csv', all_varchar = true) where department_code in ({listed}))"
    wheres = {"departments": f"department_code in ({listed})", "units": f"department_code in ({listed})"}
    for entity in (*LINES, "projects"):
        wheres[entity] = f"unit_code in {units}"
    for entity, where in wheres.items():
        connection.execute(
            f"copy (select * from read_csv('{source}/{entity}.csv', all_varchar = true, header = true) where {where})"
            f" to '{out}/{entity}.csv' (header, delimiter ',')"
        )
    # The generator's CSV quoting is the contract's; read back as the generator reads: check one.
    with (out / "units.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle))[0] == "unit_code"


def compare(work: Path, names: list[str]) -> str:
    count, differing = cells_differing([work / f"{name}-dbt.duckdb" for name in names])
    return f"identical, {count:,} cells" if differing == 0 else f"{differing:,} cells differ"


def main(argv: list[str] | None = None, prog: str = "juesuan bench-books") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    parser.add_argument("--voucher-lines", default="10m", help="about how many voucher lines (e.g. 1m, 10m)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--work", type=Path, default=PROJECT / "target" / "bench")
    parser.add_argument("--out", type=Path, default=PROJECT / "BENCHMARKS.md")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--generate-only", action="store_true", help="write the ledgers, time nothing")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    loads = [load()]
    info = ensure_ledgers(work, parse_size(args.voucher_lines), args.seed)
    # The contract ledger of the main benchmark with as many lines as the books (1m, 10m), if any.
    equal = args.voucher_lines.lower() if args.voucher_lines.lower() in SIZES else None
    equal_info = ensure_ledger(equal, work, args.seed) if equal else None
    if args.generate_only:
        return 0
    folder = Path(info["folder"])
    print(
        f"{info['voucher_lines']:,} voucher lines from {info['contract_lines']:,} contract lines ({info['shape']})",
        flush=True,
    )
    size = f"books-{args.voucher_lines}"
    runs = [
        ("example", None),
        ("books", folder / "books"),
        ("contract, same ledger", folder / "contract"),
        *([(f"contract, {equal_info['lines']:,} lines", work / f"ledger-{equal}")] if equal else []),
    ]
    header = [
        f"Run {started} UTC, `juesuan bench-books --voucher-lines {args.voucher_lines} --repeats {args.repeats}`."
        f" Machine: {machine()}.",
        "",
        f"One ledger ({info['shape']}; generated in {info['generated_seconds']:.0f} s): "
        f"{info['contract_lines']:,} contract income and spending lines (Parquet), written as books of "
        f"{info['voucher_lines']:,} voucher lines (in {info['books_seconds']:.0f} s; Parquet, text columns)"
        + (f"; and the main benchmark's {equal} contract ledger ({equal_info['shape']})." if equal else "."),
        "",
    ]
    measures: list = []
    cells = "not compared"
    # Written after every build, so an interrupted run keeps what it measured.
    for number, (name, ledger) in enumerate(runs):
        print(name, flush=True)
        measures.append(
            measure(name, size, dbt_commands(f"{size}-{number}", ledger, work, args.repeats), work)
        )
        loads.append(load())
        if number == 2 and all(m.ok for m in measures):
            cells = compare(work, [f"{size}-1", f"{size}-2"])
        report = "\n".join(header + results(measures, cells, loads, len(runs)))
        write_results(report, args.out, section=f"books-{args.voucher_lines}")
    print(report)
    return 0 if cells.startswith("identical") and all(m.ok for m in measures) else 1


def results(measures: list, cells: str, loads: list[str], planned: int) -> list[str]:
    """The table of the builds measured so far and the books' ratio to each contract build."""
    lines = [
        f"Load average (1, 5, 15 min) at the start {loads[0]}, after each build {'; '.join(loads[1:])}"
        + ("." if len(measures) == planned else f"; {planned - len(measures)} build(s) not measured (yet)."),
        "",
        "| build | runs | median wall s | all runs s | median CPU s | peak MiB | data-dependent wall s | data-dependent CPU s |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    example = measures[0]
    for m in measures:
        state = "" if m.ok else f" (FAILED: {m.note})"
        dependent = (
            f"{m.median - example.median:.1f} | {m.median_cpu - example.median_cpu:.1f}"
            if m is not example
            else "— | —"
        )
        lines.append(
            f"| {m.name}{state} | {len(m.seconds)} | {m.median:.1f} | {', '.join(f'{s:.1f}' for s in m.seconds)} | "
            f"{m.median_cpu:.1f} | {m.peak_mib:,.0f} | {dependent} |"
        )
    lines.append("")
    if len(measures) > 2:
        books = measures[1]
        for other in measures[2:]:
            wall = (books.median - example.median) / (other.median - example.median)
            cpu = (books.median_cpu - example.median_cpu) / (other.median_cpu - example.median_cpu)
            lines.append(
                f"- books ÷ {other.name}, data-dependent: {wall:.2f}× wall, {cpu:.2f}× CPU "
                f"(≤ 1.5×: wall {'yes' if wall <= 1.5 else 'no'}, CPU {'yes' if cpu <= 1.5 else 'no'})."
            )
        lines.append(f"- Cells of the books and the same ledger's contract build: {cells}.")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
