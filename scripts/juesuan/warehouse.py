"""One way in to a built warehouse, whichever engine built it: a read-only DuckDB connection on
which the disclosure marts are `<schema>.<table>`, for the publisher and the exports.

- a DuckDB file (the default build): opened read-only;
- ``spark`` or ``spark:<folder>``: the tables of a local Spark session build (profile target
  `spark`; the folder is its JUESUAN_SPARK_HOME, default target/spark), read as the Parquet
  files Spark wrote (``<folder>/warehouse/<schema>.db/<table>/``), as views; no JVM needed. On
  a cluster, copy the marts out first (docs/scale-out.md).

Not PostgreSQL: DuckDB's postgres extension is a download (the project installs none); publish a
PostgreSQL build's ledger from a DuckDB build of the same ledger (`juesuan compare-targets`
shows the two agree).

    with warehouse.connect(source) as connection: connection.execute("select … from disclosure.…")
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from juesuan.dbt_runner import PROJECT


def exists(source: str | Path) -> bool:
    """Whether the source names a warehouse that is there (a DuckDB file, a Spark folder)."""
    text = str(source)
    if text == "spark" or text.startswith("spark:"):
        return (spark_folder(text) / "warehouse").is_dir()
    return Path(text).exists()


def spark_folder(text: str) -> Path:
    folder = Path(text.partition(":")[2] or os.environ.get("JUESUAN_SPARK_HOME", "target/spark"))
    return folder if folder.is_absolute() else PROJECT / folder


def connect(source: str | Path) -> duckdb.DuckDBPyConnection:
    text = str(source)
    if text == "spark" or text.startswith("spark:"):
        return _spark(spark_folder(text))
    return duckdb.connect(text, read_only=True)


def _spark(folder: Path) -> duckdb.DuckDBPyConnection:
    tables = folder / "warehouse"
    if not tables.is_dir():
        raise FileNotFoundError(
            f"{folder}: no Spark warehouse here; run `juesuan build --target spark` first"
        )
    connection = duckdb.connect()
    for schema_dir in sorted(tables.glob("*.db")):
        schema = schema_dir.name.removesuffix(".db")
        connection.execute(f'create schema if not exists "{schema}"')
        for table_dir in sorted(path for path in schema_dir.iterdir() if path.is_dir()):
            files = sorted(table_dir.rglob("*.parquet"))
            if not files:
                continue  # a table with no rows written is not read (Spark writes no file)
            paths = ", ".join(f"'{file}'" for file in files)
            connection.execute(
                f'create view "{schema}"."{table_dir.name}" as select * from read_parquet([{paths}])'
            )
    return connection
