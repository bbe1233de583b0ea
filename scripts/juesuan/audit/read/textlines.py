"""Text lines of a document (PDF pages outside their tables, or a text layer) into texts.parquet,
and the document's department and year from its title.

Kinds: ``title`` (the cover: first page of a PDF, first line of a text layer), ``toc_entry``
(after 目录 until the first part heading is printed a second time), ``heading`` (第X部分,
一、…, （一）…: short lines without a full stop), ``table_title`` (a line that names one of the
profile's tables where a table starts), ``table_header`` (单位：万元), ``note`` (注：…, 说明：…,
the empty-table statement), ``body`` (the rest).
"""

from __future__ import annotations

import re

from juesuan.audit.read.document import Document

HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)"
)
PART = re.compile(r"^第[一二三四五六七八九十]+部分")
TITLE = re.compile(r"^(?P<name>.+?)(?P<year>\d{3,4}|XX|××××?|×+|\s*)\s*年度?部门决算")


def title_facts(document: Document, cover_lines: list[str]) -> None:
    """Department name and reporting year from the cover/title: 上海市普陀区财政局 / 年度部门决算 /
    2024 (the year set apart on the PDF's cover) or one line …2023年度部门决算…."""
    text = "".join(re.sub(r"\s+", "", line) for line in cover_lines)
    year = re.search(r"(20\d\d)年", text) or re.search(r"(20\d\d)", text)
    if year:
        document.fiscal_year = int(year.group(1))
    without_year = re.sub(r"^年度", "", re.sub(r"20\d\d", "", text))
    name = re.match(r"^(.+?)(年度)?部门决算", without_year)
    if name:
        document.department_name = name.group(1).removesuffix("年度").strip() or None


def kind_of(line: str, in_toc: bool) -> str:
    if in_toc:
        return "toc_entry"
    text = re.sub(r"\s+", "", line)
    if re.match(r"^(注|说明)[:：]", text) or re.search(r"本表无数据", text):
        return "note"
    if re.match(r"^单位[:：]", text):
        return "table_header"
    if HEADING.match(text) and "。" not in text and len(text) <= 40:
        return "heading"
    return "body"


def land_texts(
    document: Document, lines: list[tuple[int | None, str]], layout, table_titles=frozenset()
) -> None:
    """``lines``: (page, line) in reading order."""
    in_toc = False
    toc_parts: set[str] = set()
    first_page = lines[0][0] if lines else None
    for line_no, (page, line) in enumerate(lines, start=1):
        text = re.sub(r"\s+", "", line)
        if text in ("目录", "目次"):
            in_toc = True
            kind = "heading"
        elif in_toc and PART.match(text) and PART.match(text).group(0) in toc_parts:
            in_toc = False  # a part the contents already listed: the body begins
            kind = "heading"
        elif in_toc:
            if PART.match(text):
                toc_parts.add(PART.match(text).group(0))
            kind = "toc_entry"
        elif (page, line) in table_titles:
            kind = "table_title"
        elif (page == first_page and page is not None and document.kind == "pdf") or (
            page is None and line_no == 1
        ):
            kind = "title"
        else:
            kind = kind_of(line, False)
        document.texts.append(
            {
                "document_id": document.document_id,
                "page": page,
                "line_no": line_no,
                "kind": kind,
                "text": line,
            }
        )
