"""Reading throughput: pages per second of the PDF reader (BENCHMARKS.md, "Audit: reading
published documents").

``python -m juesuan.audit.read.bench FILE.pdf [--repeats N]`` reads the file N times in this
process (the first read also imports pdfplumber and loads the seeds: reported apart), timing the
whole read (text, tables, cells, statements) but not the Parquet writing, and prints the median
wall and CPU seconds and pages per second, with the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path


def measure(path: Path, repeats: int) -> dict:
    from juesuan.audit.read import pdf

    runs = []
    for _ in range(repeats + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        document = pdf.read(path)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    first, timed = runs[0], runs[1:]
    pages = document.page_count or 0
    wall = statistics.median(run[0] for run in timed)
    cpu = statistics.median(run[1] for run in timed)
    return {
        "pages": pages,
        "cells": len(document.cells),
        "statements": len(document.statements),
        "problems": len(document.problems),
        "first_wall": first[0],
        "walls": [run[0] for run in timed],
        "wall": wall,
        "cpu": cpu,
        "pages_per_second_wall": pages / wall if wall else None,
        "pages_per_second_cpu": pages / cpu if cpu else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    result = measure(args.path, args.repeats)
    load_after = os.getloadavg()
    import pdfplumber

    print(f"file: {args.path.name} ({result['pages']} pages)")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}, pdfplumber {pdfplumber.__version__}; "
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}"
    )
    print(
        f"read {args.repeats} times: median wall {result['wall']:.2f} s "
        f"(runs {', '.join(f'{w:.2f}' for w in result['walls'])}; first read incl. imports {result['first_wall']:.2f} s), "
        f"median CPU {result['cpu']:.2f} s"
    )
    print(
        f"pages per second: {result['pages_per_second_wall']:.1f} (wall), {result['pages_per_second_cpu']:.1f} (CPU); "
        f"{result['cells']} cells, {result['statements']} statements, {result['problems']} read problems"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
