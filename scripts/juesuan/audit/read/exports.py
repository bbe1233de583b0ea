"""The project's per-table CSV exports (scripts/juesuan/export.py): a folder
``<out>/<department>/<year>/`` of ``<table label>.csv`` files (公开01表.csv … in central-2023,
一、收入支出决算总表.csv … in shanghai-2024), one row per printed row: 栏目 (the block), 行次 when
the profile prints it, the code (科目代码 whole, or 类/款/项 split), 项目 (the label), then one
column per printed header (本年支出-小计; 09 in pairs: 合计|预算数). The folder is one document;
the table is named by the file's label, its department code and year by the folder names.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from juesuan.audit.read.cells import CellBuilder
from juesuan.audit.read.document import Document, document_id, normalise_label
from juesuan.audit.read.layout import profile_layout
from juesuan.audit.read.profile import detect_from_titles

FRAME_COLUMNS = {"栏目", "行次", "科目代码", "类", "款", "项", "项目"}


def _labels() -> dict[str, list[str]]:
    """Every profile's table labels (the file stems the export writes)."""
    from juesuan.audit.read.layout import read_seed

    found: dict[str, list[str]] = {}
    for row in read_seed("ref_disclosure_tables"):
        found.setdefault(row["profile_code"], []).append(row["table_label"])
    return found


def is_export_folder(path: Path) -> bool:
    if not path.is_dir():
        return False
    stems = {normalise_label(file.stem) for file in path.glob("*.csv")}
    return any(sum(normalise_label(label) in stems for label in labels) >= 3 for labels in _labels().values())


def read(path: Path, profile: str | None = None) -> Document:
    year = path.name if re.fullmatch(r"20\d\d", path.name) else None
    # <department>/<year>: the year alone is no id.
    document = Document(f"{path.parent.name}_{year}" if year else document_id(path), str(path), "csv")
    files = sorted(path.glob("*.csv"))
    document.fiscal_year = int(year) if year else None
    document.department_name = path.parent.name if year else None
    stems = [file.stem for file in files]
    document.profile_code = profile or detect_from_titles(stems, document.fiscal_year)
    document.profile_detected = profile is None and document.profile_code is not None
    if document.profile_code is None:
        document.problem("unknown_profile", "无法从文件名判断公开格式", locator=str(path))
        return document
    layout = profile_layout(document.profile_code, document.fiscal_year)
    by_label = {normalise_label(table.table_label): table for table in layout.tables.values()}
    builder = CellBuilder(document, layout)
    found = []
    for file in files:
        table = by_label.get(normalise_label(file.stem))
        if table is None:
            continue
        found.append((table.print_order, file, table))
    for position, (_, file, table) in enumerate(sorted(found, key=lambda item: item[0]), start=1):
        with file.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
            headers = [name for name in (rows[0].keys() if rows else []) if name not in FRAME_COLUMNS]
            if rows and document.code_style is None and ("类" in rows[0] or "科目代码" in rows[0]):
                document.code_style = "split" if "类" in rows[0] else "whole"
        printed = 0
        for number, row in enumerate(rows, start=2):
            code = row.get("科目代码") or "".join(row.get(part) or "" for part in ("类", "款", "项")) or None
            block = row.get("栏目") or ""
            for header in headers:
                name, _, column_block = header.partition("|")
                if (
                    not column_block
                    and not (row[header] or "").strip()
                    and table.column(name, block) is None
                    and table.column(name, "") is not None
                ):
                    continue  # the long file's column of the other block (04: 收入's 金额 on a 支出 row)
                cell = builder.add(
                    table_no=table.table_no,
                    block=block,
                    row_label=row.get("项目") or "",
                    row_code=code,
                    header=name,
                    amount_text=row[header],
                    page=None,
                    locator=f"{file.name} 行{number}",
                    row_id=(number,),
                    column_block=column_block or None,
                )
                printed += cell["amount_wan"] is not None
        document.add_table(
            table.table_no,
            table.table_label.split("、")[0],
            table.table_title,
            position=position,
            printed=printed,
        )
    names = {table.table_no for _, _, table in found}
    for table in layout.in_print_order():
        if table.table_no not in names:
            document.problem(
                "table_missing", f"缺少表{table.table_no}（{table.table_title}）", locator=str(path)
            )
    return document
