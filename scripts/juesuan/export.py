"""Export the disclosure tables from the warehouse to CSV files.

Reads ``rpt_disclosure_cells`` (read-only) and writes:

- ``<out>/disclosure_cells.csv``: every cell of every table, scope and year, in 元 and 万元;
- ``<out>/<department>/<year>/公开NN表.csv``: each department-level table as printed
  (rows × columns, 万元), one file per table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pandas as pd

CELLS_QUERY = """
    select * from disclosure.rpt_disclosure_cells
    order by department_code, unit_code nulls first, fiscal_year, table_no, row_order, column_order
"""
ROW_KEYS = ["row_order", "block", "line_no", "row_code", "row_label"]
HEADERS = {"block": "栏目", "line_no": "行次", "row_code": "科目代码", "row_label": "项目"}


def read_cells(db_path: Path) -> pd.DataFrame:
    """All disclosure cells, in the model's order."""
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no warehouse here; run `make build` first")
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.sql(CELLS_QUERY).df()


def printed_table(cells: pd.DataFrame) -> pd.DataFrame:
    """One table of one scope as printed: a row per table row, a column per header, 万元."""
    frame = cells.assign(
        block=cells["block"].fillna(""),
        line_no=cells["line_no"].astype("Int64").astype("string").fillna(""),
        row_code=cells["row_code"].fillna(""),
        amount_wan=cells["amount_wan"].map(lambda amount: f"{amount:.2f}"),
    )
    column_labels = list(dict.fromkeys(frame.sort_values(["column_order"], kind="stable")["column_label"]))
    wide = frame.pivot(index=ROW_KEYS, columns="column_label", values="amount_wan")
    wide = wide.reindex(columns=column_labels).fillna("").reset_index().drop(columns="row_order")
    return wide.rename(columns=HEADERS)


def export(db_path: Path, out_dir: Path) -> list[Path]:
    """Write the long file and one printed table per department, year and table."""
    cells = read_cells(db_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "disclosure_cells.csv"]
    cells.to_csv(written[0], index=False)
    departments = cells[cells["unit_code"].isna()]
    for (department, year, table_no), table_cells in departments.groupby(
        ["department_code", "fiscal_year", "table_no"], sort=True
    ):
        path = out_dir / str(department) / str(year) / f"公开{table_no}表.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        printed_table(table_cells).to_csv(path, index=False)
        written.append(path)
    return written


def main(argv: list[str] | None = None, prog: str = "juesuan export") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Export the disclosure tables to CSV.")
    parser.add_argument("--db", type=Path, default=Path("warehouse/juesuan.duckdb"), help="warehouse file")
    parser.add_argument("--out", type=Path, default=Path("output"), help="output folder")
    args = parser.parse_args(argv)
    try:
        written = export(args.db, args.out)
    except (FileNotFoundError, duckdb.Error) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
