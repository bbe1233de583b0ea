"""A disclosure profile's layout, read from the seeds the warehouse builds with, so a published
row or column gets the same stable keys ``rpt_disclosure_cells`` gives it.

- rows of 01/04: ``layout_t01.csv`` / ``layout_t04.csv`` (label → line_key, row_code);
- rows of 02/03/05/07/08: the 类/款/项 code is the line key, the 合计 row is ``total``
  (as ``int_function_table_cells`` keys them);
- rows of 06: ``layout_t06.csv`` (code or block-total label → line_key);
- 09: one row ``sangong``; columns and their 预算数/决算数 blocks from ``layout_t09.csv``;
- columns of every other table: ``layout_columns.csv``;
- titles, printed numbers, order and empty statements: ``ref_disclosure_tables.csv``.

Nothing here is a copy of a layout: change the seed and the reader follows.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.audit.read.document import normalise_label, strip_ordinal

SEED_DIR = Path(__file__).resolve().parents[4] / "seeds" / "reference"
FUNCTION_TABLES = ("02", "03", "05", "07", "08")
TOTAL_LABELS = {"合计", "总计"}


def read_seed(name: str) -> list[dict[str, str]]:
    with (SEED_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def profiles() -> dict[str, dict[str, str]]:
    return {row["profile_code"]: row for row in read_seed("ref_disclosure_profiles")}


def _valid(row: dict, year: int | None) -> bool:
    if year is None:
        return True
    start = int(row["valid_from_year"]) if row.get("valid_from_year") else None
    end = int(row["valid_to_year"]) if row.get("valid_to_year") else None
    return (start is None or start <= year) and (end is None or year <= end)


@dataclass
class Column:
    block: str
    column_order: int
    column_key: str
    column_group: str
    column_label: str

    @property
    def header(self) -> str:
        """As export.column_header prints it: group-label."""
        return f"{self.column_group}-{self.column_label}" if self.column_group else self.column_label


@dataclass
class Row:
    block: str
    line_key: str
    row_code: str | None
    row_label: str
    order: int


@dataclass
class TableLayout:
    table_no: str
    print_order: int
    table_label: str
    table_title: str
    empty_statement: str | None
    total_position: str
    print_variant: str | None
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)

    def blocks(self) -> list[str]:
        seen: list[str] = []
        for item in [*self.rows, *self.columns]:
            if item.block and item.block not in seen:
                seen.append(item.block)
        return seen

    def column(self, header: str, block: str = "") -> Column | None:
        """The layout column a printed header names: its label, or group-label, in the block
        (09: the block is 预算数/决算数; other tables: the row's block, or any)."""
        wanted = normalise_label(header)
        candidates = [c for c in self.columns if not block or not c.block or c.block == block]
        for column in candidates:
            if wanted in (
                normalise_label(column.header),
                normalise_label(f"{column.column_group}{column.column_label}"),
            ):
                return column
        matches = [c for c in candidates if normalise_label(c.column_label) == wanted]
        return matches[0] if len(matches) >= 1 and len({m.column_key for m in matches}) == 1 else None


@dataclass
class ProfileLayout:
    profile_code: str
    layout_profile_code: str
    code_style: str
    prints_line_no: bool
    zero_display: str
    tables: dict[str, TableLayout]

    def in_print_order(self) -> list[TableLayout]:
        return sorted(self.tables.values(), key=lambda table: table.print_order)


@functools.cache
def profile_layout(profile_code: str, year: int | None = None) -> ProfileLayout:
    """The profile's nine tables with their rows and columns (rows valid in ``year``)."""
    profile = profiles()[profile_code]
    layout_code = profile["layout_profile_code"]
    tables: dict[str, TableLayout] = {}
    for row in read_seed("ref_disclosure_tables"):
        if row["profile_code"] != layout_code:
            continue
        tables[row["table_no"]] = TableLayout(
            table_no=row["table_no"],
            print_order=int(row["print_order"]),
            table_label=row["table_label"],
            table_title=row["table_title"],
            empty_statement=row["empty_statement"] or None,
            total_position=row["total_position"] or "top",
            print_variant=row["print_variant"] or None,
        )
    # The row seeds of 01, 04 and 06: the same columns, 06 ordering its rows by row_order.
    for table_no, seed, order in (
        ("01", "layout_t01", "line_no"),
        ("04", "layout_t04", "line_no"),
        ("06", "layout_t06", "row_order"),
    ):
        for row in read_seed(seed):
            if row["profile_code"] == layout_code and _valid(row, year) and table_no in tables:
                tables[table_no].rows.append(
                    Row(
                        row["block"],
                        row["line_key"],
                        row["row_code"] or None,
                        row["row_label"],
                        int(row[order]),
                    )
                )
    for row in read_seed("layout_columns"):
        if row["profile_code"] == layout_code and row["table_no"] in tables:
            tables[row["table_no"]].columns.append(
                Column(
                    row["block"],
                    int(row["column_order"]),
                    row["column_key"],
                    row["column_group"],
                    row["column_label"],
                )
            )
    seen: set[tuple] = set()
    for row in read_seed("layout_t09"):
        if row["profile_code"] != layout_code or not _valid(row, year) or "09" not in tables:
            continue
        key = (row["block"], row["column_key"])
        if key in seen:
            continue
        seen.add(key)
        tables["09"].columns.append(
            Column(
                row["block"],
                int(row["column_order"]),
                row["column_key"],
                row["column_group"],
                row["column_label"],
            )
        )
        if not tables["09"].rows:
            tables["09"].rows.append(Row("", row["line_key"], None, row["row_label"], 1))
    return ProfileLayout(
        profile_code=profile_code,
        layout_profile_code=layout_code,
        code_style=profile["code_style"],
        prints_line_no=profile["prints_line_no"] == "true",
        zero_display=profile["zero_display"],
        tables=tables,
    )


class RowMatcher:
    """Gives printed rows of one table their line keys, in printed order.

    Labels are compared whitespace- and ordinal-blind; a label the layout lists twice in a block
    (04: 一般公共预算财政拨款 as this year's income and again under 年初结转和结余) goes to the first
    such line after the last one matched, so the printed order decides, as it does on paper.
    """

    def __init__(self, table: TableLayout):
        self.table = table
        self.last_order: dict[str, int] = {}

    def match(self, block: str, label: str, code: str | None) -> tuple[str | None, str | None]:
        """(line_key, row_code) of a printed row; (None, code) when the layout has no such row."""
        table = self.table
        code = code or None
        if table.table_no in FUNCTION_TABLES:
            if code:
                return code, code
            if normalise_label(label) in TOTAL_LABELS:
                return "total", None
            return None, None
        if table.table_no == "09":
            return (table.rows[0].line_key if table.rows else "sangong"), None
        wanted = normalise_label(label)
        candidates = [row for row in table.rows if not block or not row.block or row.block == block]
        if code:
            by_code = [row for row in candidates if row.row_code == code]
            if by_code:
                return by_code[0].line_key, code
        for compare in (lambda text: text, strip_ordinal):
            matches = [
                row for row in candidates if compare(normalise_label(row.row_label)) == compare(wanted)
            ]
            if matches:
                after = [row for row in matches if row.order > self.last_order.get(block, -1)]
                chosen = (after or matches)[0]
                self.last_order[block] = chosen.order
                return chosen.line_key, chosen.row_code or code
        return None, code
