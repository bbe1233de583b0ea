"""Reading one ledger file into records: (line or row number, the fields as text). What a file
holds is not interpreted here (no header is looked for, no value parsed): text files are decoded
and split, workbooks' cells turned into the text a person sees, so staging reads every format
the same way. A problem that stops a file being read at all is raised as ``Unreadable``."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

TEXT_FORMATS = {".csv", ".tsv", ".txt"}
EXCEL_FORMATS = {".xlsx", ".xlsm", ".xls"}
PARQUET_FORMATS = {".parquet"}
FORMATS = TEXT_FORMATS | EXCEL_FORMATS | PARQUET_FORMATS

# Record = (source_row, fields): the line a record starts on (text) or the sheet's row number.
Record = tuple[int, list[str | None]]

# What charset-normalizer may propose for a file that is not UTF-8 and has no BOM and is read as
# such; everything else (the GB family: GBK and GB2312 are subsets of GB18030) is read as GB18030.
OTHER_ACCEPTED = {"big5", "big5hkscs", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"}
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 (BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 (BOM)"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (BOM)"),
)
SAMPLE_BYTES = 256 * 1024


class Unreadable(Exception):
    """The file cannot be read at all: ``rule_id`` says why, ``line`` where (when known)."""

    def __init__(self, rule_id: str, problem: str, line: int | None = None, value: str | None = None):
        super().__init__(problem)
        self.rule_id, self.problem, self.line, self.value = rule_id, problem, line, value


CHUNK_BYTES = 1 << 20


def fault_in(path: Path, codec: str) -> tuple[int, int, str] | None:
    """Where ``codec`` first fails to read the file strictly: (byte offset, line, the bytes there
    in hex), or None when it reads all of it. Read in chunks: a file is never held whole."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset, lines = 0, 0
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(CHUNK_BYTES)
            pending = len(decoder.getstate()[0])  # bytes of a character begun in the last chunk
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                data = error.object
                line = lines + data[: error.start].count(b"\n") + 1
                return offset - pending + error.start, line, data[error.start : error.end + 3].hex(" ")
            if not chunk:
                return None
            offset += len(chunk)
            lines += chunk.count(b"\n")


def detect(path: Path) -> tuple[str, str]:
    """The codec a text file is read with and its name. A BOM decides; else UTF-8 if every byte
    is UTF-8; else what charset-normalizer finds, when that is UTF-16/32 without a BOM or Big5;
    else GB18030 (GBK and GB2312 are subsets of it). The decode is strict: a byte that neither
    UTF-8 nor GB18030 reads raises ``Unreadable`` (rule I40) with its line, named where the
    encoding that read further stopped (a UTF-8 file with one broken byte is named at that
    byte), never a replacement character."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    for bom, codec, label in BOMS:
        if head.startswith(bom):
            fault = fault_in(path, codec)
            if fault is not None:
                raise Unreadable("I40", f"bytes that are not {label}", fault[1], fault[2])
            return codec, label
    utf8 = fault_in(path, "utf-8")
    if utf8 is None:
        return "utf-8", "UTF-8"
    import charset_normalizer

    best = charset_normalizer.from_bytes(head).best()
    if best is not None and best.encoding in OTHER_ACCEPTED and fault_in(path, best.encoding) is None:
        return best.encoding, best.encoding.upper().replace("_", "-")
    gb = fault_in(path, "gb18030")
    if gb is None:
        return "gb18030", "GB18030"
    _, line, value = max(utf8, gb)
    raise Unreadable(
        "I40", "bytes that are neither UTF-8 nor GB18030 (save the file as UTF-8 or GB18030)", line, value
    )


def text_records(path: Path) -> tuple[Iterator[Record], str]:
    """A CSV/TSV/text file's records and its encoding. The delimiter is a tab when the first line
    has more tabs than commas (Excel's "Unicode text" and .tsv files), else a comma; fields may be
    quoted with ``"``. A record's number is the line it starts on. Streamed: the file is read as
    the records are taken."""
    codec, label = detect(path)
    with path.open(encoding=codec, newline="") as handle:
        first = handle.readline()
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return _split(path, codec, delimiter), label


def _split(path: Path, codec: str, delimiter: str) -> Iterator[Record]:
    with path.open(encoding=codec, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, quotechar='"', strict=True)
        line = 1
        try:
            for fields in reader:
                yield line, [field if field != "" else None for field in fields]
                line = reader.line_num + 1
        except csv.Error as error:
            raise Unreadable("I43", f"line {line} cannot be split into fields: {error}", line) from None


def excel_sheet(path: Path, entity: str) -> str:
    """The sheet an entity is read from: the one named like the entity, else the only one."""
    from python_calamine import CalamineWorkbook

    try:
        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception as error:  # calamine raises its own types for every broken workbook
        raise Unreadable("I43", f"not a readable workbook: {error}") from None
    named = [name for name in names if name.strip().lower() == entity]
    if named:
        return named[0]
    visible = list(names)
    if len(visible) == 1:
        return visible[0]
    raise Unreadable(
        "I45",
        f"the workbook has {len(visible)} sheets ({', '.join(visible)}) and none is named {entity}: "
        f"name the sheet to read {entity}, or keep only one",
        value=", ".join(visible),
    )


def excel_records(path: Path, sheet: str) -> Iterator[Record]:
    """A sheet's rows, numbered as Excel numbers them, each cell as the text a person reads: a
    whole number without ``.0`` (codes, years), a date as YYYY-MM-DD, a boolean as true/false."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).iter_rows()
    for number, row in enumerate(rows, start=1):
        yield number, [cell_text(cell) for cell in row]


def cell_text(cell: object) -> str | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        # repr is the shortest text that reads back as the same double: what Excel holds. 1e15+
        # would print in exponent form; such an amount is refused later (I28) either way.
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def parquet_schema(path: Path) -> tuple[list[str], list[str], int]:
    """A Parquet file's column names, their types (as DuckDB names them) and row count."""
    import duckdb

    try:
        with duckdb.connect() as connection:
            described = connection.execute(
                "select column_name, column_type from (describe select * from read_parquet(?))", [str(path)]
            ).fetchall()
            (rows,) = connection.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()
    except duckdb.Error as error:
        raise Unreadable("I43", f"not a readable Parquet file: {str(error).splitlines()[0]}") from None
    return [name for name, _ in described], [kind for _, kind in described], rows
