"""The transcription folder of a published document (shared/reference/cases/<case>/):
``tables/t01.csv`` … ``t09.csv`` (``table,section,row_label,code,line_no,column_label,amount``,
one row per printed cell in printed order, files named by content, blank ≠ 0.00) and
``narrative.csv`` (``item,value,unit,quote``). Its README describes the format.

The folder is one document: its tables become cells with the profile's keys, its narrative
becomes statements. Titles, printed numbers and pages are not transcribed: tables.parquet gets
the profile's titles in the profile's order and page NULL (DECISIONLOG §24).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from juesuan.audit.read import statements as narrative
from juesuan.audit.read.cells import CellBuilder
from juesuan.audit.read.document import Document, document_id
from juesuan.audit.read.layout import profile_layout

COLUMNS = ["table", "section", "row_label", "code", "line_no", "column_label", "amount"]


def is_transcription(path: Path) -> bool:
    return path.is_dir() and (path / "tables").is_dir() and any((path / "tables").glob("t0?.csv"))


def _rows(path: Path, document: Document, columns: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in columns if name not in (reader.fieldnames or [])]
        if missing:
            document.problem("unreadable_file", f"{path.name} 缺少列 {', '.join(missing)}", locator=path.name)
            return []
        return list(reader)


def title_facts(document: Document, narrative_rows: list[dict]) -> None:
    """Department and year from the narrative's first sentence that names them
    (上海市普陀区财政局2024年度收入支出总计…)."""
    for row in narrative_rows:
        found = re.match(r"^(?P<name>[^，。0-9“”]{2,40}?)(?P<year>20\d\d)年度", row.get("quote", ""))
        if found:
            document.department_name = found["name"]
            document.fiscal_year = int(found["year"])
            return


def read(path: Path, profile: str | None = None) -> Document:
    from juesuan.audit.read.profile import detect_from_labels

    document = Document(document_id(path), str(path), "transcription")
    narrative_rows = (
        _rows(path / "narrative.csv", document, ["item", "value", "unit", "quote"])
        if (path / "narrative.csv").exists()
        else []
    )
    title_facts(document, narrative_rows)
    files = sorted((path / "tables").glob("t0?.csv"))
    printed = {file.stem[1:]: _rows(file, document, COLUMNS) for file in files}
    if profile:
        document.profile_code = profile
    else:
        document.profile_code = detect_from_labels(
            {
                no: [(row["section"], row["row_label"].split("/")[-1], row["column_label"]) for row in rows]
                for no, rows in printed.items()
            },
            document.fiscal_year,
        )
        document.profile_detected = document.profile_code is not None
    if document.profile_code is None:
        document.problem("unknown_profile", "无法从表格的行列判断公开格式", locator=str(path))
    layout = profile_layout(document.profile_code, document.fiscal_year) if document.profile_code else None
    builder = CellBuilder(document, layout)
    order = {t.table_no: t.print_order for t in layout.in_print_order()} if layout else {}
    for table_no, rows in sorted(printed.items(), key=lambda item: order.get(item[0], 99)):
        table = layout.tables.get(table_no) if layout else None
        amounts = []
        for number, row in enumerate(rows, start=2):
            header, _, column_block = row["column_label"].partition("|")
            label = row["row_label"].split("/")[-1]
            cell = builder.add(
                table_no=table_no,
                block=row["section"] or "",
                row_label=label,
                row_code=row["code"] or None,
                header=header,
                amount_text=row["amount"],
                page=None,
                locator=f"t{table_no}.csv 行{number}",
                row_id=(row["section"], row["row_label"], row["code"]),
                column_block=column_block,
            )
            amounts.append(cell["amount_wan"])
        document.add_table(
            table_no,
            table.table_label.split("、")[0] if table else None,
            table.table_title if table else None,
            position=order.get(table_no, len(document.tables) + 1),
            printed=sum(amount is not None for amount in amounts),
        )
    if layout:
        for table in layout.in_print_order():
            if table.table_no not in printed:
                document.problem(
                    "table_missing",
                    f"缺少表{table.table_no}（{table.table_title}）",
                    locator=str(path / "tables"),
                )
    for number, row in enumerate(narrative_rows, start=2):
        document.statements.append(
            narrative.statement(
                document.document_id,
                f"narrative.csv#{number}",
                item=row["item"],
                value_text=row["value"],
                unit=row["unit"],
                sentence=row["quote"],
            )
        )
    return document
