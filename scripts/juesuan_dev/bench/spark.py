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
    completed = subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - started
    tail = completed.stdout.strip().splitlines()[-3:]
    print("\n".join(tail))
    return {
        "returncode": completed.returncode,
        "wall_s": round(wall, 1),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1),
        "peak_mib": round(after.ru_maxrss / 1024),
    }


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
