"""juesuan.warehouse: a local Spark build's Parquet files (warehouse/<schema>.db/<table>/part-*)
read as <schema>.<table>, as the publisher and the export read them (.ci/run checks a real Spark
build; docs/scale-out.md)."""

from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest

from juesuan import warehouse


def test_a_spark_build_is_read_as_schema_and_table(tmp_path):
    table = tmp_path / "warehouse" / "disclosure.db" / "rpt_cells"
    table.mkdir(parents=True)
    with duckdb.connect() as writer:
        for part in (0, 1):
            writer.execute(
                f"copy (select 'T0{part}' as table_no, cast('1.10' as decimal(18, 2)) + {part} as amount_yuan)"
                f" to '{table}/part-0000{part}.snappy.parquet' (format parquet)"
            )
    (table / "_SUCCESS").write_text("")
    (tmp_path / "warehouse" / "disclosure.db" / "rpt_view_only").mkdir()  # a view: no files
    assert warehouse.exists(f"spark:{tmp_path}")
    with warehouse.connect(f"spark:{tmp_path}") as connection:
        rows = connection.execute("select * from disclosure.rpt_cells order by table_no").fetchall()
    assert rows == [("T00", Decimal("1.10")), ("T01", Decimal("2.10"))]


def test_no_spark_build_is_named(tmp_path):
    assert not warehouse.exists(f"spark:{tmp_path}")
    with pytest.raises(FileNotFoundError, match="juesuan build --target spark"):
        warehouse.connect(f"spark:{tmp_path}")
