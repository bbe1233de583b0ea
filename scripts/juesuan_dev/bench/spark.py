"""Time the project on a local Spark session over a generated ledger (BENCHMARKS.md, "Spark").

    python -m juesuan_dev.bench.spark --files target/bench1m/files --home target/bench1m/spark

The ledger is loaded as a cluster would hold it (docs/scale-out.md): each generated Parquet file
an external table in place (`ledger_files.<entity>`, no copy), and the `ledger` source's tables
(`ledger.example_<entity>`) views over them with the contract's columns (an optional column the
file lacks is null). Then `dbt build --target spark` of the default selector without the example
seeds, timed: wall time, CPU time and peak resident memory of the largest process (the JVM).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from juesuan.dbt_runner import PROJECT, dbt_command, dbt_environment
from juesuan.ingest.contract import load_contract
from juesuan.spark_session import spark_session


def load(files: Path, home: Path) -> None:
    contract = load_contract(PROJECT)
    tables = home / "ledger_files"
    with spark_session(PROJECT) as spark:
        spark.sql("create schema if not exists ledger_files")
        spark.sql("create schema if not exists ledger")
        for name, entity in contract.entities.items():
            source = files / f"{name}.parquet"
            if not source.exists():
                continue
            folder = tables / name
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / source.name
            if not target.exists():
                os.link(source, target) if source.stat().st_dev == folder.stat().st_dev else shutil.copy(
                    source, target
                )
            spark.sql(f"drop table if exists ledger_files.{name}")
            spark.sql(f"create table ledger_files.{name} using parquet location '{folder.resolve()}'")
            present = {field.name for field in spark.table(f"ledger_files.{name}").schema.fields}
            columns = ", ".join(
                column.name if column.name in present else f"cast(null as string) as {column.name}"
                for column in entity.columns
            )
            spark.sql(f"drop view if exists ledger.example_{name}")
            spark.sql(f"drop table if exists ledger.example_{name}")
            spark.sql(f"create view ledger.example_{name} as select {columns} from ledger_files.{name}")


def build(home: Path, target_path: Path) -> dict[str, float]:
    environment = dbt_environment(project=PROJECT, extra={"JUESUAN_SPARK_HOME": str(home)})
    command = dbt_command(
        ["build", "--target", "spark", "--exclude", "path:seeds/example"],
        PROJECT,
        target_path,
        target_path / "logs",
    )
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    target_path.mkdir(parents=True, exist_ok=True)
    log = (target_path / "bench.log").open("w")
    process = subprocess.Popen(
        command, cwd=PROJECT, env=environment, stdout=log, stderr=subprocess.STDOUT, text=True
    )
    peak = TreeUsage(process.pid)
    peak.start()
    returncode = process.wait()
    peak.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - started
    log.close()
    tail = (target_path / "bench.log").read_text().strip().splitlines()[-3:]
    print("\n".join(tail))
    return {
        "returncode": returncode,
        "wall_s": round(wall, 1),
        # CPU of the dbt process and the descendants it waited for (not the driver JVM) …
        "cpu_s_waited_children": round(
            (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1
        ),
        # … and of the whole tree, the JVM included, sampled from /proc.
        "cpu_s_process_tree": peak.cpu_s,
        "peak_mib_one_process": round(after.ru_maxrss / 1024),
        # Sampled every second from /proc: the resident memory of dbt and all its descendants
        # together (the JVM is a grandchild, which ru_maxrss does not see).
        "peak_mib_process_tree": peak.peak_mib,
    }


class TreeUsage:
    """Resident memory and CPU of a process and its descendants, sampled once a second from /proc.

    The driver JVM is a grandchild that pyspark does not wait for, so neither ru_maxrss nor the
    children's CPU time of this process sees it: the peak is of the whole tree's resident sets
    at one moment, the CPU the last seen user + system time of each process of the tree.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_mib = 0
        self._cpu_ticks: dict[int, int] = {}
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def cpu_s(self) -> float:
        return round(sum(self._cpu_ticks.values()) / os.sysconf("SC_CLK_TCK"), 1)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stopped.wait(1.0):
            rss_kib = 0
            for pid, (kib, ticks) in tree_usage(self.pid).items():
                rss_kib += kib
                self._cpu_ticks[pid] = max(ticks, self._cpu_ticks.get(pid, 0))
            self.peak_mib = max(self.peak_mib, round(rss_kib / 1024))


def tree_usage(root: int) -> dict[int, tuple[int, int]]:
    """Each process of the tree under ``root``: (resident KiB, user + system clock ticks)."""
    parents: dict[int, int] = {}
    usage: dict[int, tuple[int, int]] = {}
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            stat = (folder / "stat").read_text()
            status = (folder / "status").read_text()
        except OSError:
            continue
        # After the command name (which may hold spaces) in parentheses: state, ppid, … utime, stime.
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(folder.name)
        parents[pid] = int(fields[1])
        rss = next((line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")), "0")
        usage[pid] = (int(rss), int(fields[11]) + int(fields[12]))
    tree: dict[int, tuple[int, int]] = {}
    for pid in usage:
        ancestor = pid
        while ancestor not in (root, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor == root:
            tree[pid] = usage[pid]
    return tree


def main(argv: list[str] | None = None, prog: str = "python -m juesuan_dev.bench.spark") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument(
        "--files", type=Path, required=True, help="a `juesuan generate --format parquet` folder"
    )
    parser.add_argument("--home", type=Path, required=True, help="JUESUAN_SPARK_HOME for this run (emptied)")
    parser.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    home = args.home.resolve()
    os.environ["JUESUAN_SPARK_HOME"] = str(home)
    if args.load_only:
        load(args.files.resolve(), home)
        return 0
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    started = time.perf_counter()
    # In a process of its own: the embedded metastore stays locked until the JVM that opened it exits.
    loader = [
        sys.executable,
        "-m",
        "juesuan_dev.bench.spark",
        "--files",
        str(args.files),
        "--home",
        str(home),
    ]
    subprocess.run([*loader, "--load-only"], check=True)
    print(f"loaded as external tables in {time.perf_counter() - started:.1f} s")
    result = build(home, home / "dbt")
    print(result)
    return 0 if result["returncode"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
