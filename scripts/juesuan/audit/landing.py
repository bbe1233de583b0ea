"""Land published documents: read each path and write the document landing (Parquet) that the
audit's dbt models read (var ``document_landing``).

Files written into ``out/`` (overwritten): documents, cells, tables, texts, statements,
read_problems — columns as docs/audit.md, "The document landing", lists them (DECISIONLOG §24): text
columns varchar, amounts decimal(18,2), integers int. A document that cannot be read never
raises: it becomes rows of read_problems.parquet.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from juesuan.audit.read import discover
from juesuan.audit.read.document import Document
from juesuan.audit.read.profile import print_variant

# Each landing file: its columns and their DuckDB types, in order.
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("document_id", "varchar"),
        ("source_file", "varchar"),
        ("kind", "varchar"),
        ("profile_code", "varchar"),
        ("profile_detected", "boolean"),
        ("department_name", "varchar"),
        ("fiscal_year", "integer"),
        ("page_count", "integer"),
    ],
    "cells": [
        ("document_id", "varchar"),
        ("table_no", "varchar"),
        ("block", "varchar"),
        ("row_order", "integer"),
        ("row_code", "varchar"),
        ("line_key", "varchar"),
        ("row_label", "varchar"),
        ("column_order", "integer"),
        ("column_key", "varchar"),
        ("column_group", "varchar"),
        ("column_label", "varchar"),
        ("amount_wan", "decimal(18,2)"),
        ("amount_text", "varchar"),
        ("page", "integer"),
        ("locator", "varchar"),
    ],
    "tables": [
        ("document_id", "varchar"),
        ("table_no", "varchar"),
        ("printed_no", "varchar"),
        ("title", "varchar"),
        ("page", "integer"),
        ("position", "integer"),
        ("is_empty", "boolean"),
        ("empty_statement", "varchar"),
    ],
    "texts": [
        ("document_id", "varchar"),
        ("page", "integer"),
        ("line_no", "integer"),
        ("kind", "varchar"),
        ("text", "varchar"),
    ],
    "statements": [
        ("document_id", "varchar"),
        ("statement_id", "varchar"),
        ("page", "integer"),
        ("part", "varchar"),
        ("sentence", "varchar"),
        ("item_key", "varchar"),
        ("subject_code", "varchar"),
        ("subject_name", "varchar"),
        ("value", "decimal(18,2)"),
        ("unit", "varchar"),
        ("value_text", "varchar"),
        ("comparison_word", "varchar"),
    ],
    "read_problems": [
        ("document_id", "varchar"),
        ("page", "integer"),
        ("locator", "varchar"),
        ("problem", "varchar"),
        ("detail", "varchar"),
        ("value", "varchar"),
    ],
}


@dataclass
class DocumentSummary:
    document_id: str
    source_file: str
    kind: str
    profile_code: str | None
    profile_detected: bool
    fiscal_year: int | None
    page_count: int | None
    cells: int
    statements: int
    problems: int


def _write(name: str, rows: list[dict], out: Path) -> Path:
    """One landing file, typed by SCHEMAS (values go in as text and are cast, so a Decimal keeps
    its exact digits and an empty list still writes a file with its columns)."""
    columns = SCHEMAS[name]
    frame = pd.DataFrame(
        [
            {column: (None if row.get(column) is None else str(row[column])) for column, _ in columns}
            for row in rows
        ],
        columns=[column for column, _ in columns],
        dtype=object,
    )
    target = out / f"{name}.parquet"
    selects = ", ".join(
        f"cast(lower({column}) = 'true' as boolean) as {column}"
        if kind == "boolean"
        else f"cast({column} as {kind}) as {column}"
        for column, kind in columns
    )
    with duckdb.connect() as connection:
        connection.register("rows_in", frame)
        typed = ", ".join(f"{column} varchar" for column, _ in columns)
        connection.execute(f"create table raw ({typed})")
        if len(frame):
            connection.execute("insert into raw select * from rows_in")
        connection.execute(f"copy (select {selects} from raw) to '{target}' (format parquet)")
    return target


def read_document_safely(path: Path, kind: str, profile: str | None) -> Document:
    """Read one document; any exception becomes a read problem of an otherwise empty document."""
    from juesuan.audit.read.document import document_id

    try:
        document = discover.read(path, kind, profile)
        if document.profile_detected and document.profile_code:
            document.profile_code = print_variant(document.profile_code, document.code_style)
        return document
    except Exception as error:  # a bad document is a finding, never a crash
        document = Document(document_id(path), str(path), kind, profile_code=profile)
        document.problem(
            "unreadable_file",
            f"无法读取 {path.name}：{type(error).__name__}: {error}",
            locator=str(path),
            value=traceback.format_exc()[-1500:],
        )
        return document


def write_landing(documents: list[Document], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _write("documents", [vars(document) for document in documents], out)
    for name, attribute in (
        ("cells", "cells"),
        ("tables", "tables"),
        ("texts", "texts"),
        ("statements", "statements"),
        ("read_problems", "problems"),
    ):
        _write(name, [row for document in documents for row in getattr(document, attribute)], out)


def land_documents(
    paths: list[Path], out: Path, profile: str | None = None, progress: bool = False
) -> list[DocumentSummary]:
    """Read every path (a file, or a folder: a folder of PDFs/workbooks is many documents; a
    folder of the project's exported CSVs or a transcription folder is one) and write the
    landing into ``out``. Returns one summary per document."""
    found = [item for path in paths for item in discover.documents_in(Path(path))]
    iterator = found
    if progress:
        from tqdm import tqdm

        # disable=None: drawn on a terminal only, so logs and pipes stay clean.
        iterator = tqdm(found, desc="读取文档", unit="份", disable=None)
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for path, kind in iterator:
        document = read_document_safely(path, kind, profile)
        # Two files with the same stem (决算公开.xlsx and 决算公开.pdf; one name in two folders):
        # keep ids unique and stable: the suffix first, then a number.
        if (
            document.document_id in seen
            and path.is_file()
            and f"{document.document_id}{path.suffix}" not in seen
        ):
            _rename(document, f"{document.document_id}{path.suffix}")
        count = seen.get(document.document_id, 0)
        seen[document.document_id] = count + 1
        if count:
            _rename(document, f"{document.document_id}~{count + 1}")
        documents.append(document)
    write_landing(documents, Path(out))
    return [
        DocumentSummary(
            document_id=document.document_id,
            source_file=document.source_file,
            kind=document.kind,
            profile_code=document.profile_code,
            profile_detected=document.profile_detected,
            fiscal_year=document.fiscal_year,
            page_count=document.page_count,
            cells=len(document.cells),
            statements=len(document.statements),
            problems=len(document.problems),
        )
        for document in documents
    ]


def _rename(document: Document, new_id: str) -> None:
    document.document_id = new_id
    for rows in (document.cells, document.tables, document.texts, document.statements, document.problems):
        for row in rows:
            row["document_id"] = new_id
