"""What a reader returns: one published document as rows of the landing's files.

Every reader (pdf, text layer, workbook, the project's CSV exports, the Shanghai transcription
folder) fills one ``Document``; ``landing.py`` writes the rows. Field names are the landing's
column names (docs/audit.md, "The document landing"; DECISIONLOG §24).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

KINDS = ("pdf", "text", "html", "workbook", "csv", "transcription")


@dataclass
class Document:
    document_id: str
    source_file: str
    kind: str
    profile_code: str | None = None
    profile_detected: bool = False
    department_name: str | None = None
    fiscal_year: int | None = None
    page_count: int | None = None
    cells: list[dict] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    texts: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    # How the tables print their codes (split 类/款/项 columns or whole), as read: tells a print
    # variant of a profile (shanghai-2024-whole-codes) from its base. Not a landing column.
    code_style: str | None = None

    def note_table(self, seen: set[str], table_no: str, locator: str, page: int | None = None) -> None:
        """A table read: the second time the same table is found is a read problem."""
        if table_no in seen:
            self.problem("table_repeated", f"表{table_no}出现两次", page=page, locator=locator)
        seen.add(table_no)

    def table_entry(
        self,
        table_no: str,
        printed_no: str | None,
        title: str | None,
        *,
        position: int,
        printed: int = 0,
        page: int | None = None,
        statement: str | None = None,
    ) -> dict:
        """One row of tables.parquet: ``printed`` is how many of its cells hold a number (none:
        the table is empty), ``statement`` the note printed with it (its 注/说明 prefix dropped)."""
        return {
            "document_id": self.document_id,
            "table_no": table_no,
            "printed_no": printed_no,
            "title": title,
            "page": page,
            "position": position,
            "is_empty": printed == 0,
            "empty_statement": re.sub(r"^(注|说明)[:：]", "", statement) if statement else None,
        }

    def add_table(self, table_no: str, printed_no: str | None, title: str | None, **entry) -> None:
        self.tables.append(self.table_entry(table_no, printed_no, title, **entry))

    def problem(self, problem: str, detail: str, *, page=None, locator=None, value=None) -> None:
        """Record what could not be read (never raise: the audit reports it as a finding)."""
        self.problems.append(
            {
                "document_id": self.document_id,
                "page": page,
                "locator": locator,
                "problem": problem,
                "detail": detail,
                "value": None if value is None else str(value),
            }
        )


def document_id(path: Path) -> str:
    """Stable id from the file (or folder) name: its stem, spaces removed; a file published into
    ``<department>/<year>/`` (``make run``'s 决算公开.pdf) is prefixed with both."""
    stem = re.sub(r"\s+", "", path.stem if path.is_file() else path.name) or "document"
    if path.is_file() and re.fullmatch(r"20\d\d", path.parent.name):
        return f"{path.parent.parent.name}_{path.parent.name}_{stem}"
    return stem


# An amount as printed: optional sign, thousands separators, two (or any) decimals; a dash or
# nothing means blank (NULL), which stays distinct from a printed 0.00.
AMOUNT = re.compile(r"^[-−]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-−]?\d+(\.\d+)?$")
BLANKS = {"", "-", "—", "－", "/"}


def parse_amount(text: str | None) -> tuple[Decimal | None, bool]:
    """(amount, readable): blank → (None, True); a number → (Decimal, True); else (None, False)."""
    if text is None:
        return None, True
    cleaned = re.sub(r"\s+", "", str(text))
    if cleaned in BLANKS:
        return None, True
    if not AMOUNT.match(cleaned):
        return None, False
    try:
        return Decimal(cleaned.replace(",", "").replace("−", "-")), True
    except InvalidOperation:
        return None, False


def normalise_label(text: str | None) -> str:
    """A printed label compared with a layout's: whitespace removed, ASCII parentheses and
    quotes made full-width as the templates print them."""
    if text is None:
        return ""
    table = str.maketrans({"(": "（", ")": "）", '"': "“", "\u201d": "“"})
    return re.sub(r"\s+", "", str(text)).translate(table).replace("“", "")


def strip_ordinal(label: str) -> str:
    """一、一般公共服务支出 → 一般公共服务支出 (a printed label without its ordinal)."""
    return re.sub(r"^[一二三四五六七八九十]+、", "", label)
