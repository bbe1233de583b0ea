"""Landing a ledger folder: each entity's one file is found, read (readers.py), its header
matched to the contract by name or alias (contract.py), and its rows written as text to
``<landing>/<entity>.parquet`` with the file, sheet and row each came from; a Parquet file is
not copied but read in place by staging, through the column names found here. What is wrong
with a file is a finding of a named input rule in ``<landing>/findings.parquet``; what was read
from where is ``<landing>/files.parquet``. dbt reads all three (macros/ledger/ledger_relation.sql,
models/staging/stg_ledger__files.sql, stg_ledger__file_findings.sql).

An entity whose file is refused is landed empty, so the project still compiles: the build stops
on the finding's rule (its tests are on a parent of every ledger staging model), never on a
DuckDB reader error."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from juesuan.ingest.contract import Contract, Entity, header_key
from juesuan.ingest.readers import (
    EXCEL_FORMATS,
    FORMATS,
    PARQUET_FORMATS,
    Record,
    Unreadable,
    excel_records,
    excel_sheet,
    parquet_schema,
    text_records,
)

HEADER_SEARCH_LINES = 10
FINDINGS_SCHEMA = pa.schema(
    [
        ("rule_id", pa.string()),
        ("entity", pa.string()),
        ("source_file", pa.string()),
        ("source_sheet", pa.string()),
        ("source_row", pa.int64()),
        ("column_name", pa.string()),
        ("value_as_given", pa.string()),
        ("problem", pa.string()),
    ]
)
PROVENANCE = [("source_file", pa.string()), ("source_sheet", pa.string()), ("source_row", pa.int64())]


@dataclass
class Finding:
    rule_id: str
    entity: str
    source_file: str | None
    problem: str
    source_sheet: str | None = None
    source_row: int | None = None
    column_name: str | None = None
    value_as_given: str | None = None


@dataclass
class FileRead:
    """What was read for one entity (a row of files.parquet)."""

    entity: str
    status: str  # landed | in_place | absent | refused | other_door (the other door's entity)
    source_file: str | None = None
    file_format: str | None = None
    encoding: str | None = None
    source_sheet: str | None = None
    header_row: int | None = None
    rows: int = 0
    lines_not_read: int = 0  # title lines above the header, blank lines
    extra_columns: str | None = None
    read_path: str | None = None
    # contract column -> the file's column (in_place files: staging selects by these names)
    column_map: dict[str, str] = field(default_factory=dict)
    column_types: dict[str, str] = field(default_factory=dict)


@dataclass
class Landing:
    folder: Path
    landing: Path
    files: list[FileRead]
    findings: list[Finding]
    not_read: list[str]  # files in the folder that are no entity's
    door: str = "contract"  # the books ('vouchers') or the contract's lines files

    def errors(self, contract: Contract) -> list[Finding]:
        return [item for item in self.findings if contract.rule(item.rule_id).severity == "error"]


def land(folder: Path, landing: Path, contract: Contract) -> Landing:
    landing.mkdir(parents=True, exist_ok=True)
    for stale in landing.glob("*.parquet"):
        stale.unlink()
    files, findings = [], []
    present = sorted(path for path in folder.iterdir() if path.is_file() and not path.name.startswith("."))
    door = door_of(present)
    claimed: set[Path] = set()
    for entity in contract.entities.values():
        named = [path for path in present if path.stem.strip().lower() == entity.name]
        claimed.update(named)
        if entity.door not in (None, door):
            # The other door's file: absent is right; present, it would be ignored or counted
            # twice (the books and the lines derived from them), so it is refused.
            files.append(empty(entity, landing, "other_door"))
            if named:
                listed = " and ".join(str(path) for path in named)
                problem = f"{listed} beside the books (vouchers): a folder holds the books or the lines files, not both"
                findings.append(Finding("I61", entity.name, listed, problem))
            continue
        read, found = land_entity(entity, named, landing)
        files.append(read)
        findings.extend(found)
    write_table(landing / "findings.parquet", [asdict(item) for item in findings], FINDINGS_SCHEMA)
    write_files(landing / "files.parquet", files, door)
    not_read = [path.name for path in present if path not in claimed]
    return Landing(folder, landing, files, findings, not_read, door)


def door_of(present: list[Path]) -> str:
    """'vouchers' when the folder holds a voucher export (vouchers.<any extension>): the books
    are read (DECISIONLOG §22); else 'contract': the contract's lines files."""
    return "vouchers" if any(path.stem.strip().lower() == "vouchers" for path in present) else "contract"


def land_entity(entity: Entity, named: list[Path], landing: Path) -> tuple[FileRead, list[Finding]]:
    readable = [path for path in named if path.suffix.lower() in FORMATS]
    if len(readable) > 1:
        listed = " and ".join(str(path) for path in readable)
        return empty(entity, landing, "refused"), [
            Finding(
                "I41",
                entity.name,
                listed,
                f"{len(readable)} files for {entity.name}: keep the one to read, move the other(s) out of the folder",
            )
        ]
    if not readable:
        if entity.optional:
            return empty(entity, landing, "absent"), []
        others = f"; found {', '.join(p.name for p in named)}, which is not a format read" if named else ""
        formats = " ".join(sorted(FORMATS))
        return empty(entity, landing, "refused"), [
            Finding("I44", entity.name, None, f"no file for {entity.name} ({formats}){others}")
        ]
    (path,) = readable
    try:
        if path.suffix.lower() in PARQUET_FORMATS:
            return read_parquet(entity, path, landing)
        return land_records(entity, path, landing)
    except Unreadable as error:
        return empty(entity, landing, "refused", path), [
            Finding(error.rule_id, entity.name, str(path), error.problem, None, error.line, None, error.value)
        ]


def empty(entity: Entity, landing: Path, status: str, path: Path | None = None) -> FileRead:
    target = landing / f"{entity.name}.parquet"
    write_table(target, [], landed_schema(entity))
    return FileRead(entity.name, status, str(path) if path else None, read_path=str(target))


def landed_schema(entity: Entity) -> pa.Schema:
    return pa.schema([(column.name, pa.string()) for column in entity.columns] + PROVENANCE)


class Header:
    """A header line matched to the contract: which field feeds which column, and its faults."""

    def __init__(self, entity: Entity, fields: list[str | None]):
        self.fields = fields
        self.positions: dict[str, int] = {}
        self.repeated: list[tuple[str, list[str]]] = []
        self.extra: list[str] = []
        self.in_wan: list[tuple[str, str]] = []
        by_column: dict[str, list[int]] = {}
        for position, name in enumerate(fields):
            column = entity.column_for(name) if name is not None else None
            if column is not None:
                by_column.setdefault(column, []).append(position)
            elif name is not None and header_key(name) != "":
                wan = entity.column_for(header_key(name).replace("万元", "元"))
                if wan is not None and wan.endswith("_yuan") and "万元" in header_key(name):
                    self.in_wan.append((name, wan))
                else:
                    self.extra.append(name)
        for column, positions in by_column.items():
            self.positions[column] = positions[0]
            if len(positions) > 1:
                self.repeated.append((column, [str(fields[p]) for p in positions]))
        self.missing = [name for name in entity.required if name not in self.positions]
        self._keys = [header_key(name) for name in fields]
        self._first = str(fields[0] or "").strip().lower() if fields else ""

    @property
    def matches(self) -> int:
        return len(self.positions)

    def repeated_by(self, fields: list[str | None]) -> bool:
        """Whether a line is this header again (compared as headers are; the full comparison
        only for a line whose first field already reads like the header's)."""
        first = fields[0] if fields else None
        if first is None or first.strip().lower() != self._first:
            return False
        width = len(self.fields)
        return [header_key(name) for name in fields[:width]] == self._keys


def find_header(entity: Entity, records: Iterator[Record]) -> tuple[tuple[int, Header, int] | None, bool]:
    """The first of the first lines that names at least half of the required columns (its
    number, the header, and how many non-empty lines above it were not read: a title line), and
    whether the file holds any text at all (one that holds none is an empty file)."""
    above = 0
    for index, (number, fields) in enumerate(records):
        if not any(fields):
            continue
        if index >= HEADER_SEARCH_LINES:
            return None, True
        header = Header(entity, fields)
        if header.matches * 2 >= max(1, len(entity.required)):
            return (number, header, above), True
        above += 1
    return None, above > 0


def header_findings(entity: Entity, header: Header, file: str, sheet: str | None, row: int) -> list[Finding]:
    found = []
    given = ", ".join(str(name) for name in header.fields if name is not None)
    if header.missing:
        found.append(
            Finding(
                "I42",
                entity.name,
                file,
                f"no column {', '.join(header.missing)} (its header: {given})",
                sheet,
                row,
                ", ".join(header.missing),
            )
        )
    for column, names in header.repeated:
        found.append(
            Finding("I47", entity.name, file, f"{' and '.join(names)} are all {column}", sheet, row, column)
        )
    for name, column in header.in_wan:
        found.append(
            Finding(
                "I49",
                entity.name,
                file,
                f"column {name} is in 万元; {column} is in 元",
                sheet,
                row,
                column,
                name,
            )
        )
    if header.extra:
        found.append(
            Finding(
                "I48",
                entity.name,
                file,
                f"columns not in the contract, not read: {', '.join(header.extra)}",
                sheet,
                row,
                ", ".join(header.extra),
            )
        )
    return found


def land_records(entity: Entity, path: Path, landing: Path) -> tuple[FileRead, list[Finding]]:
    file = str(path)
    if path.suffix.lower() in EXCEL_FORMATS:
        sheet = excel_sheet(path, entity.name)
        records, encoding, file_format = excel_records(path, sheet), None, path.suffix.lower()[1:]
    else:
        sheet = None
        records, encoding = text_records(path)
        file_format = path.suffix.lower()[1:]
    read = FileRead(entity.name, "landed", file, file_format, encoding, sheet)
    records = iter(records)
    found_header, has_text = find_header(entity, records)
    if found_header is None:
        # A file with nothing in it is an empty file (rules I35-I37 judge that); one with lines
        # but no header among its first lines is refused.
        if has_text:
            problem = f"no header line naming the columns ({', '.join(entity.required)}) in its first lines"
            read.status = "refused"
            empty(entity, landing, "refused", path)
            return read, [Finding("I42", entity.name, file, problem, sheet, 1, ", ".join(entity.required))]
        read.read_path = empty(entity, landing, "landed", path).read_path
        return read, []
    header_row, header, above = found_header
    read.header_row, read.lines_not_read = header_row, above
    read.extra_columns = ", ".join(header.extra) or None
    found = header_findings(entity, header, file, sheet, header_row)
    width = len(header.fields)
    target = landing / f"{entity.name}.parquet"
    with Batches(entity, target, file, sheet, header.positions) as batches, progress(path, sheet) as bar:
        for number, fields in records:
            bar.update()
            if not any(fields):
                read.lines_not_read += 1
                continue
            if len(fields) < width or (len(fields) > width and any(fields[width:])):
                problem = f"line has {len(fields)} fields, the header {width}"
                found.append(Finding("I43", entity.name, file, problem, sheet, number, None, joined(fields)))
                continue
            if header.repeated_by(fields):
                problem = "the header line again"
                found.append(Finding("I46", entity.name, file, problem, sheet, number, None, joined(fields)))
                continue
            batches.add(number, fields)
    read.rows = batches.rows
    read.read_path = str(target)
    return read, found


def progress(path: Path, sheet: str | None):
    """A progress bar over a file's lines, on the terminal only: shown when stdout and stderr are
    both a terminal and the file takes over a second to read, so a log or a pipe gets none."""
    from tqdm import tqdm

    name = path.name + (f" [{sheet}]" if sheet else "")
    interactive = sys.stdout.isatty() and sys.stderr.isatty()
    return tqdm(
        desc=f"  reading {name}",
        unit=" lines",
        unit_scale=True,
        delay=1.0,
        disable=not interactive,
        leave=False,
    )


class Batches:
    """The landed rows of one file, written to Parquet in batches, so a file of millions of
    lines is never held whole in memory as Python objects."""

    SIZE = 200_000

    def __init__(self, entity: Entity, target: Path, file: str, sheet: str | None, positions: dict[str, int]):
        self.schema = landed_schema(entity)
        self.names = [column.name for column in entity.columns]
        self.positions = [positions.get(name) for name in self.names]
        self.file, self.sheet = file, sheet
        self.writer = pq.ParquetWriter(target, self.schema)
        self.rows = 0
        self._reset()

    def _reset(self) -> None:
        self.values: list[list[str | None]] = [[] for _ in self.names]
        self.numbers: list[int] = []

    def add(self, number: int, fields: list[str | None]) -> None:
        self.numbers.append(number)
        for values, position in zip(self.values, self.positions, strict=True):
            values.append(fields[position] if position is not None else None)
        if len(self.numbers) >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        count = len(self.numbers)
        arrays = [pa.array(values, pa.string()) for values in self.values]
        arrays += [
            pa.array([self.file] * count, pa.string()),
            pa.array([self.sheet] * count, pa.string()),
            pa.array(self.numbers, pa.int64()),
        ]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.rows += count
        self._reset()

    def __enter__(self) -> Batches:
        return self

    def __exit__(self, *exc) -> None:
        if self.numbers or self.rows == 0:
            self.flush()
        self.writer.close()


def joined(fields: list[str | None]) -> str:
    text = ",".join("" if value is None else value for value in fields)
    return text if len(text) <= 200 else text[:199] + "…"


def read_parquet(entity: Entity, path: Path, landing: Path) -> tuple[FileRead, list[Finding]]:
    names, types, rows = parquet_schema(path)
    header = Header(entity, names)
    found = header_findings(entity, header, str(path), None, None)
    read = FileRead(entity.name, "in_place", str(path), "parquet", rows=rows, read_path=str(path))
    read.extra_columns = ", ".join(header.extra) or None
    read.column_map = {column: names[position] for column, position in header.positions.items()}
    read.column_types = {column: types[position] for column, position in header.positions.items()}
    if header.missing:
        read.status = "refused"
        empty(entity, landing, "refused", path)
        read.read_path = str(landing / f"{entity.name}.parquet")
    return read, found


def write_table(target: Path, rows: Iterable[dict], schema: pa.Schema) -> None:
    rows = list(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), target)


def write_files(target: Path, files: list[FileRead], door: str) -> None:
    rows = []
    for read in files:
        row = asdict(read) | {"door": door}
        row["column_map"] = json.dumps(read.column_map, ensure_ascii=False)
        row["column_types"] = json.dumps(read.column_types, ensure_ascii=False)
        rows.append(row)
    schema = pa.schema(
        [
            ("entity", pa.string()),
            ("status", pa.string()),
            ("source_file", pa.string()),
            ("file_format", pa.string()),
            ("encoding", pa.string()),
            ("source_sheet", pa.string()),
            ("header_row", pa.int64()),
            ("rows", pa.int64()),
            ("lines_not_read", pa.int64()),
            ("extra_columns", pa.string()),
            ("read_path", pa.string()),
            ("column_map", pa.string()),
            ("column_types", pa.string()),
            ("door", pa.string()),
        ]
    )
    write_table(target, rows, schema)
