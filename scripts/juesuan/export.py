"""Export the disclosure tables from the warehouse to CSV files.

Reads ``rpt_disclosure_cells`` and ``rpt_disclosure_tables`` (read-only) and writes:

- ``<out>/disclosure_cells.csv``: every cell of every table, scope and year, in 元 and 万元;
- ``<out>/<department>/<year>/<table label>.csv``: each department-level table as its profile
  prints it (rows × columns, 万元): ``公开01表.csv`` … in central-2023, ``一、收入支出决算总表.csv``
  … in shanghai-2024; with or without 行次, codes whole or split into 类/款/项, zero as 0.00 or
  blank, as the profile says.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pandas as pd

from juesuan import warehouse

CELLS_QUERY = """
    select * from disclosure.rpt_disclosure_cells
    order by department_code, unit_code nulls first, fiscal_year, table_no, row_order, column_order
"""
TABLES_QUERY = """
    select department_code, fiscal_year, table_no, table_label, print_order, prints_line_no,
        zero_display, code_style, print_variant
    from disclosure.rpt_disclosure_tables
    where unit_code is null
"""
# How a table prints when the warehouse says nothing of its profile: central-2023.
DEFAULT_STYLE = {"prints_line_no": True, "zero_display": "zero", "code_style": "whole", "print_variant": None}


def read_cells(db_path: Path) -> pd.DataFrame:
    """All disclosure cells, in the model's order."""
    if not warehouse.exists(db_path):
        raise FileNotFoundError(f"{db_path}: no warehouse here; run `make build` first")
    with warehouse.connect(db_path) as connection:
        return connection.sql(CELLS_QUERY).df()


def read_tables(db_path: Path) -> dict[tuple[str, int, str], dict]:
    """Each department-level table's printing: label, order and its profile's style."""
    with warehouse.connect(db_path) as connection:
        frame = connection.sql(TABLES_QUERY).df()
    return {
        (row["department_code"], int(row["fiscal_year"]), row["table_no"]): row
        for row in frame.to_dict("records")
    }


def column_header(cell: dict, style: dict) -> str:
    """A column as printed: its group over its label (本年支出-小计); 09 in pairs adds the block."""
    group = cell.get("column_group")
    header = f"{group}-{cell['column_label']}" if isinstance(group, str) and group else cell["column_label"]
    if style.get("print_variant") == "pairs":
        header = f"{header}|{cell['block']}"
    return header


def amount_text(amount, style: dict) -> str:
    """万元 to two decimals; a zero is blank where the profile prints it so."""
    if amount is None:
        return ""
    if style.get("zero_display") == "blank" and amount == 0:
        return ""
    return f"{amount:.2f}"


def printed_cells(cells: pd.DataFrame, style: dict) -> list[dict]:
    """One table's cells in printed order (row by row; 09 in pairs: category by category), each
    with its printed column header and amount text."""
    keys = (
        ["column_order", "row_order"]
        if style.get("print_variant") == "pairs"
        else ["row_order", "column_order"]
    )
    ordered = cells.sort_values(keys, kind="stable")
    ordered = ordered.astype(object).where(ordered.notna(), None).to_dict("records")
    return [
        {**cell, "header": column_header(cell, style), "amount_text": amount_text(cell["amount_wan"], style)}
        for cell in ordered
    ]


def _code_columns(code, style: dict) -> dict[str, str]:
    code = code if isinstance(code, str) else ""
    if style.get("code_style") == "split":
        return {"类": code[:3], "款": code[3:5], "项": code[5:7]}
    return {"科目代码": code}


def printed_table(cells: pd.DataFrame, style: dict | None = None) -> pd.DataFrame:
    """One table of one scope as printed: a row per table row, a column per header, 万元."""
    style = {**DEFAULT_STYLE, **(style or {})}
    pairs = style.get("print_variant") == "pairs"
    rows: dict[tuple, dict] = {}
    headers: list[str] = []
    for cell in printed_cells(cells, style):
        block = "" if pairs or not isinstance(cell["block"], str) else cell["block"]
        key = (0,) if pairs else (cell["row_order"], block)
        if key not in rows:
            row = {"栏目": block}
            if style.get("prints_line_no"):
                line_no = cell["line_no"]
                row["行次"] = "" if line_no is None else str(int(line_no))
            rows[key] = {**row, **_code_columns(cell["row_code"], style), "项目": cell["row_label"]}
        rows[key][cell["header"]] = cell["amount_text"]
        if cell["header"] not in headers:
            headers.append(cell["header"])
    ordered = (
        [rows[key] for key in sorted(rows, key=lambda key: key[0])] if not pairs else list(rows.values())
    )
    frame = pd.DataFrame(ordered)
    leading = [name for name in frame.columns if name not in headers]
    return frame.reindex(columns=leading + headers).fillna("")


def export(db_path: Path, out_dir: Path) -> list[Path]:
    """Write the long file and one printed table per department, year and table."""
    cells = read_cells(db_path)
    tables = read_tables(db_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "disclosure_cells.csv"]
    cells.to_csv(written[0], index=False)
    departments = cells[cells["unit_code"].isna()]
    for (department, year, table_no), table_cells in departments.groupby(
        ["department_code", "fiscal_year", "table_no"], sort=True
    ):
        table = tables.get((department, int(year), table_no), {})
        label = table.get("table_label") or f"公开{table_no}表"
        style = {name: table[name] for name in DEFAULT_STYLE if name in table}
        path = out_dir / str(department) / str(year) / f"{label}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        printed_table(table_cells, style).to_csv(path, index=False)
        written.append(path)
    return written


def main(argv: list[str] | None = None, prog: str = "juesuan export") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Export the disclosure tables to CSV.")
    parser.add_argument(
        "--db",
        type=Path,
        default=Path("warehouse/juesuan.duckdb"),
        help="warehouse file, or spark[:<folder>] for a Spark build (juesuan.warehouse)",
    )
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
