"""Benchmark runner: ``juesuan bench`` (or ``make bench``).

For each size it generates a ledger (juesuan.generate, Parquet), then times, on this machine and
in this one run:

- ``dbt``: ``dbt build`` of the whole project (every model, seed, data test and rule: the default
  selector) over the ledger files, on a fresh warehouse file each time; and over the bundled
  example (``example``), also with ``--selector everything`` (plus unit tests and fixture proofs);
- ``duckdb``: the hand-written DuckDB script (bench/disclosure.sql), the engine's practical limit;
- ``pandas``: the pandas implementation (bench/pandas_impl.py).

Each is a separate process, run ``--repeats`` times: wall time is the median, peak memory the
largest resident set seen (from wait4). After the runs it checks that the three produce exactly
the same cells (department, unit, year, table, block, row, line, column, 元) and writes the
results between the markers of BENCHMARKS.md; raw numbers go to <work>/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from juesuan.dbt_runner import dbt_command, dbt_environment, dbt_executable
from juesuan.generate import Shape, generate
from juesuan.ingest.landing import door_of

PROJECT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
# Sizes: departments x units per department x lines per unit and year x years.
SIZES = {
    "1m": Shape(100, 5, 1000, [2022, 2023]),
    "10m": Shape(1000, 5, 1000, [2022, 2023]),
    "100m": Shape(10000, 5, 1000, [2022, 2023]),
}
GNU_TIME = "/usr/bin/time"
# Bump when the generator's output changes, so the benchmark regenerates its ledgers.
GENERATOR_VERSION = 3
CELL_KEY = (
    "department_code, unit_code, fiscal_year, table_no, coalesce(block, '') as block, row_code, line_no, "
    "column_label"
)


def cells_differing(databases: list[Path]) -> tuple[int, int]:
    """The number of cells of the first warehouse, and of cells that differ between any two of
    them (``rpt_disclosure_cells``, keyed by CELL_KEY, each warehouse attached read-only)."""
    with duckdb.connect() as connection:
        connection.execute("set enable_progress_bar = false")
        queries = []
        for number, database in enumerate(databases):
            connection.execute(f"attach '{database}' as w{number} (read_only)")
            queries.append(f"select {CELL_KEY}, amount_yuan from w{number}.disclosure.rpt_disclosure_cells")
        count = connection.execute(f"select count(*) from ({queries[0]})").fetchone()[0]
        differing = sum(
            connection.execute(f"select count(*) from (({a}) except all ({b}))").fetchone()[0]
            for a in queries
            for b in queries
            if a != b
        )
    return count, differing


@dataclass
class Measure:
    """Repeated runs of one command."""

    name: str
    size: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    ok: bool = True
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else float("nan")


def timed(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float, float, int]:
    """Run a command; return wall seconds, CPU seconds, peak resident MiB and exit status."""
    log.parent.mkdir(parents=True, exist_ok=True)
    # A child's peak RSS as wait4 reports it starts from its parent's at fork: measure through
    # GNU time (a tiny parent) when it is there.
    peak_file = log.with_suffix(".peak")
    peak_file.unlink(missing_ok=True)
    if Path(GNU_TIME).exists():
        command = [GNU_TIME, "-f", "%M", "-o", str(peak_file), *command]
    with log.open("w", encoding="utf-8") as handle:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=handle, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    peak_kib = usage.ru_maxrss
    if peak_file.exists() and peak_file.read_text().strip().splitlines():
        peak_kib = int(peak_file.read_text().strip().splitlines()[-1])
    return seconds, usage.ru_utime + usage.ru_stime, peak_kib / 1024, os.waitstatus_to_exitcode(status)


def measure(name: str, size: str, commands: list[tuple[list[str], dict[str, str]]], work: Path) -> Measure:
    result = Measure(name, size)
    for number, (command, env) in enumerate(commands, start=1):
        log = work / "logs" / f"{size}-{name}-{number}.log"
        seconds, cpu, peak, status = timed(command, env, log)
        result.seconds.append(round(seconds, 2))
        result.cpu_seconds.append(round(cpu, 2))
        result.peak_mib = max(result.peak_mib, round(peak, 1))
        print(
            f"  {size} {name} run {number}: {seconds:.1f} s ({cpu:.1f} s CPU), {peak:,.0f} MiB, exit {status}",
            flush=True,
        )
        if status != 0:
            result.ok, result.note = False, f"exit {status}, see {log.relative_to(PROJECT)}"
            break
    return result


def dbt_commands(
    size: str, ledger: Path | None, work: Path, repeats: int, selector: str | None = None
) -> list[tuple[list[str], dict[str, str]]]:
    """``dbt build`` as an accountant runs it (the default selector: every model, seed, data test
    and rule), or with ``selector`` (``everything`` adds the unit tests and fixture proofs)."""
    commands = []
    name = f"{size}-{selector}" if selector else size
    for _ in range(repeats):
        db = work / f"{name}-dbt.duckdb"
        env = dbt_environment(warehouse=db)
        landing = work / f"landing-{name}"
        # The files are landed first (juesuan ingest: a Parquet file is only described, then read
        # in place), timed with the build as `juesuan build --ledger` runs them.
        ingest = (
            shlex.join([str(BIN / "juesuan"), "ingest", str(ledger), "--out", str(landing)])
            + " >/dev/null && "
            if ledger
            else ""
        )
        command = [
            "sh",
            "-c",
            f"rm -f {shlex.quote(str(db))} {shlex.quote(str(db))}.wal && {ingest}exec "
            + shlex.join(
                dbt_command(
                    [
                        "build",
                        *(["--selector", selector] if selector else []),
                        # The door as `juesuan build --ledger` chooses it (the books or the lines files).
                        *(
                            [
                                "--vars",
                                json.dumps(
                                    {
                                        "ledger_landing": str(landing),
                                        "ledger_door": door_of(list(ledger.iterdir())),
                                    }
                                ),
                            ]
                            if ledger
                            else []
                        ),
                    ],
                    target_path=work / f"dbt-{name}",
                    log_path=work / "logs" / f"dbt-{name}",
                )
            ),
        ]
        commands.append((command, env))
    return commands


def python_commands(module: str, args: list[str], repeats: int) -> list[tuple[list[str], dict[str, str]]]:
    return [([str(BIN / "python"), "-m", module, *args], dict(os.environ)) for _ in range(repeats)]


def compare(work: Path, size: str) -> str:
    """Do dbt, the DuckDB script and pandas produce exactly the same cells?"""
    with duckdb.connect() as connection:
        connection.execute("set enable_progress_bar = false")
        connection.execute(f"attach '{work / f'{size}-dbt.duckdb'}' as dbt (read_only)")
        connection.execute(f"attach '{work / f'{size}-duckdb.duckdb'}' as hand (read_only)")
        sides = {
            "dbt": f"select {CELL_KEY}, amount_yuan from dbt.disclosure.rpt_disclosure_cells",
            "duckdb": f"select {CELL_KEY}, amount_yuan from hand.cells",
        }
        pandas_cells = work / f"{size}-pandas.parquet"
        if pandas_cells.exists():
            sides["pandas"] = f"select {CELL_KEY}, cast(cents * 0.01 as decimal(18, 2)) from '{pandas_cells}'"
        count = connection.execute(f"select count(*) from ({sides['dbt']})").fetchone()[0]
        differences = []
        for name, query in sides.items():
            if name == "dbt":
                continue
            for left, right in ((sides["dbt"], query), (query, sides["dbt"])):
                missing = connection.execute(f"select count(*) from ({left} except all {right})").fetchone()[
                    0
                ]
                if missing:
                    differences.append(f"{name}: {missing:,} cells differ")
        agreeing = " = ".join(sides)
        return f"identical, {count:,} cells ({agreeing})" if not differences else "; ".join(differences)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    dbt_version = subprocess.run(
        [dbt_executable(), "--version"], capture_output=True, text=True, check=False
    ).stdout
    core = next(
        (line.split(":")[-1].strip() for line in dbt_version.splitlines() if "installed" in line), "?"
    )
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {memory_kib / 1024**2:.1f} GiB RAM; {platform.platform()}; "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}, dbt-core {core}, "
        f"pandas {__import__('pandas').__version__}; dbt threads from profiles.yml"
    )


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def targets_markdown(by: dict[tuple[str, str], Measure]) -> list[str]:
    """The issue's targets, judged from this run's medians (at 10M lines, where it measured 10M)."""
    example, dbt = by.get(("example", "dbt")), by.get(("10m", "dbt"))
    hand, pandas_ = by.get(("10m", "duckdb")), by.get(("10m", "pandas"))

    def verdict(ok: bool) -> str:
        return "yes" if ok else "no"

    rows = ["| target (10M lines) | measured | met? |", "|---|---|---|"]
    if example and example.seconds:
        rows.append(f"| example build ≤ 15 s | {example.median:.1f} s | {verdict(example.median <= 15)} |")
    if example and dbt and dbt.seconds and hand and hand.seconds:
        ratio = (dbt.median - example.median) / hand.median
        rows.append(
            f"| dbt data-dependent time ≤ 2× the DuckDB script | {ratio:.2f}× | {verdict(ratio <= 2)} |"
        )
    if dbt and dbt.seconds and pandas_ and pandas_.seconds:
        ratio = pandas_.median / dbt.median
        rows.append(f"| dbt ≥ 20× faster than pandas | {ratio:.1f}× | {verdict(ratio >= 20)} |")
    if dbt and dbt.seconds:
        rows.append(f"| peak memory ≤ 4 GiB | {dbt.peak_mib:,.0f} MiB | {verdict(dbt.peak_mib <= 4096)} |")
    return rows if len(rows) > 2 else []


def results_markdown(
    measures: list[Measure], generated: dict, checks: dict[str, str], started: str, loads: list[str]
) -> str:
    by = {(m.size, m.name): m for m in measures}
    example = by.get(("example", "dbt"))
    lines = [
        f"Run {started} UTC, `{' '.join(sys.argv[1:]) or 'defaults'}`.",
        "",
        f"Machine: {machine()}.",
        "",
        f"Load average (1, 5, 15 min) at start {loads[0]}, at the end {load()}: other work on the machine "
        "shows up in wall time; CPU time (user + system of the measured process) is less affected.",
        "",
        "| size | ledger lines | what | runs | median wall s | all runs s | median CPU s | peak MiB |",
        "|---|---:|---|---:|---:|---|---:|---:|",
    ]
    for m in measures:
        rows = generated.get(m.size, {}).get("lines")
        state = "" if m.ok else f" (FAILED: {m.note})"
        lines.append(
            f"| {m.size} | {f'{rows:,}' if rows else 'example'} | {m.name}{state} | {len(m.seconds)} | "
            f"{m.median:.1f} | {', '.join(f'{s:.1f}' for s in m.seconds)} | {m.median_cpu:.1f} | {m.peak_mib:,.0f} |"
        )
    lines += [
        "",
        "| size | dbt − example build (data-dependent) s | ÷ DuckDB script | pandas ÷ dbt | pandas ÷ dbt data-dependent | cells |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for size in generated:
        dbt, hand, pandas_ = by.get((size, "dbt")), by.get((size, "duckdb")), by.get((size, "pandas"))
        if not dbt or not example:
            continue
        dependent = dbt.median - example.median
        ratio_hand = f"{dependent / hand.median:.2f}×" if hand and hand.seconds else "—"
        ratio_pandas = f"{pandas_.median / dbt.median:.1f}×" if pandas_ and pandas_.seconds else "not run"
        ratio_dependent = f"{pandas_.median / dependent:.1f}×" if pandas_ and pandas_.seconds else "not run"
        lines.append(
            f"| {size} | {dependent:.1f} | {ratio_hand} | {ratio_pandas} | {ratio_dependent} | {checks.get(size, '')} |"
        )
    lines += ["", *targets_markdown(by)]
    lines.append("")
    for size, info in generated.items():
        lines.append(
            f"- {size}: ledger generated in {info['seconds']:.0f} s ({info['shape']}); "
            f"{info['lines']:,} income and spending lines, {info['other']:,} balance, budget and project rows."
        )
    return "\n".join(lines)


def write_results(markdown: str, path: Path, section: str = "bench") -> None:
    """Replace the text between <!-- section:start --> and <!-- section:end --> (appended if absent)."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start not in text:
        text += f"\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(f"{head}{start}\n{markdown}\n{end}{tail}", encoding="utf-8")


def ensure_ledger(size: str, work: Path, seed: int) -> dict:
    """Generate the size's ledger unless the same one is already there."""
    shape = SIZES[size]
    folder = work / f"ledger-{size}"
    stamp = folder / "generated.json"
    wanted = {"shape": asdict(shape), "seed": seed, "generator": GENERATOR_VERSION}
    if stamp.exists() and json.loads(stamp.read_text())["wanted"] == wanted:
        return json.loads(stamp.read_text())["info"]
    started = time.perf_counter()
    counts = generate(folder, shape, seed=seed, chunk_units=500, progress=True)
    lines = counts["income_entries"] + counts["expenditure_entries"]
    info = {
        "seconds": round(time.perf_counter() - started, 1),
        "lines": lines,
        "other": counts["balance_entries"] + counts["budget_lines"] + counts["projects"],
        "shape": f"{shape.departments:,} departments × {shape.units_per_department} units × "
        f"{shape.lines_per_unit:,} lines per unit and year × {len(shape.years)} years",
    }
    stamp.write_text(json.dumps({"wanted": wanted, "info": info}))
    return info


def parse_args(argv: list[str] | None, prog: str = "juesuan bench") -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["1m", "10m"], choices=list(SIZES))
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument(
        "--pandas-repeats",
        type=int,
        default=None,
        help="runs of the pandas implementation (default: --repeats); 0 skips it",
    )
    parser.add_argument(
        "--pandas-batch", type=int, default=100, help="departments per pandas batch (bounds its memory)"
    )
    parser.add_argument(
        "--pandas-max-lines", type=int, default=10_000_000, help="skip pandas above this size"
    )
    parser.add_argument(
        "--work", type=Path, default=PROJECT / "target" / "bench", help="ledgers, warehouses, logs"
    )
    parser.add_argument("--out", type=Path, default=PROJECT / "BENCHMARKS.md")
    parser.add_argument(
        "--section",
        default="bench",
        help="results go between <!-- SECTION:start --> and <!-- SECTION:end --> of --out "
        "(e.g. bench-100m, so a 100M run keeps the 1M/10M table)",
    )
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, prog: str = "juesuan bench") -> int:
    args = parse_args(argv, prog)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    loads = [load()]
    pandas_repeats = args.repeats if args.pandas_repeats is None else args.pandas_repeats
    generated = {size: ensure_ledger(size, work, args.seed) for size in args.sizes}
    print("example: dbt build over the bundled example", flush=True)
    measures = [measure("dbt", "example", dbt_commands("example", None, work, args.repeats), work)]
    # The same with the code's own proofs (unit tests, fixture proofs), as `make test` builds it.
    measures.append(
        measure(
            "dbt --selector everything",
            "example",
            dbt_commands("example", None, work, args.repeats, selector="everything"),
            work,
        )
    )
    checks = {}
    for size in args.sizes:
        ledger = work / f"ledger-{size}"
        print(f"{size}: {generated[size]['lines']:,} lines", flush=True)
        measures.append(measure("dbt", size, dbt_commands(size, ledger, work, args.repeats), work))
        hand_args = ["--ledger", str(ledger), "--db", str(work / f"{size}-duckdb.duckdb")]
        measures.append(
            measure(
                "duckdb",
                size,
                python_commands("juesuan_dev.bench.handwritten", hand_args, args.repeats),
                work,
            )
        )
        (work / f"{size}-pandas.parquet").unlink(missing_ok=True)
        if pandas_repeats and generated[size]["lines"] <= args.pandas_max_lines:
            pandas_args = [
                "--ledger",
                str(ledger),
                "--out",
                str(work / f"{size}-pandas.parquet"),
                "--batch-departments",
                str(args.pandas_batch),
            ]
            measures.append(
                measure(
                    "pandas",
                    size,
                    python_commands("juesuan_dev.bench.pandas_impl", pandas_args, pandas_repeats),
                    work,
                )
            )
        checks[size] = compare(work, size)
        print(f"  {size} cells: {checks[size]}", flush=True)
        (work / "results.json").write_text(
            json.dumps(
                {"measures": [asdict(m) for m in measures], "generated": generated, "checks": checks},
                indent=1,
            )
        )
        # Written after every size, so an interrupted run keeps what it measured.
        write_results(results_markdown(measures, generated, checks, started, loads), args.out, args.section)
    write_results(results_markdown(measures, generated, checks, started, loads), args.out, args.section)
    print(f"wrote {args.out}")
    return 0 if all(m.ok for m in measures) and all(c.startswith("identical") for c in checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
