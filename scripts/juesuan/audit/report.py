"""The findings of an audit (audit.audit_findings of the audit's build), as a reviewer reads them:
a console summary, CSV, JSON and one HTML file to click through (a batch table of the documents,
then each document's findings with the page, the cells or the sentence, expected and actual).

A rule on a document's cells (the catalogue's T and X rules, run on doc_t01 … doc_cross_table)
compares amounts in 元 (the printed 万元 × 10000): they are shown in 万元, as printed. A
情况说明 rule's expected and actual are in the statement's unit (万元 or %).
"""

from __future__ import annotations

import csv
import html
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

FORMATS = ("csv", "json", "html")
# The columns of findings.csv and the keys of findings.json, in order.
FIELDS = [
    "document_id",
    "rule_id",
    "severity",
    "kind",
    "message",
    "page",
    "locator",
    "sentence",
    "expected",
    "actual",
    "difference",
    "unit",
    "test_name",
    "detail",
]


@dataclass
class Finding:
    document_id: str
    rule_id: str
    severity: str
    kind: str
    message: str
    page: int | None
    locator: str | None
    sentence: str | None
    expected: Decimal | None
    actual: Decimal | None
    difference: Decimal | None
    unit: str | None
    test_name: str
    detail: dict = field(default_factory=dict)


@dataclass
class DocumentResult:
    """One document of the batch: what was read and what was found."""

    document_id: str
    source_file: str
    profile_code: str | None
    fiscal_year: int | None
    page_count: int | None
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(finding.severity == "error" for finding in self.findings)

    @property
    def warnings(self) -> int:
        return sum(finding.severity == "warn" for finding in self.findings)


def in_wan(value: Decimal | None) -> Decimal | None:
    return None if value is None else (Decimal(value) / 10000).quantize(Decimal("0.01"))


def unit_of(detail: dict) -> str | None:
    """The unit of a 情况说明 rule's expected/actual without a unit column: a sum of shares or a
    rate is in %, a sum of amounts in 万元."""
    if "is_shares" in detail:
        return "%" if detail["is_shares"] else "万元"
    if "pair_key" in detail:
        return "%"
    return None


def read_findings(warehouse: Path) -> list[Finding]:
    """The document findings of the audit's build, with 元 amounts of cell rules as 万元."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        result = connection.sql(
            "select rule_id, kind, severity, message, test_name, document_id, page, locator, sentence,"
            " expected, actual, difference, detail from audit.audit_findings"
            " where document_id is not null order by document_id, rule_id, page, locator"
        )
        columns = result.columns
        rows = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
    findings = []
    for row in rows:
        detail = json.loads(row["detail"] or "{}")
        on_cells = row["test_name"].startswith("doc_")
        expected, actual, difference = row["expected"], row["actual"], row["difference"]
        if on_cells:
            expected, actual, difference = in_wan(expected), in_wan(actual), in_wan(difference)
        unit = "万元" if on_cells else detail.get("unit") or unit_of(detail)
        findings.append(
            Finding(
                document_id=row["document_id"],
                rule_id=row["rule_id"],
                severity=row["severity"],
                kind=row["kind"],
                message=row["message"],
                page=row["page"],
                locator=row["locator"] or detail.get("locator"),
                sentence=row["sentence"] or detail.get("sentence") or detail.get("detail"),
                expected=expected,
                actual=actual,
                difference=difference,
                unit=unit,
                test_name=row["test_name"],
                detail=detail,
            )
        )
    return findings


def documents_read(landing: Path) -> list[dict]:
    with duckdb.connect() as connection:
        result = connection.sql(
            "select document_id, source_file, profile_code, fiscal_year, page_count"
            f" from read_parquet('{landing / 'documents.parquet'}') order by document_id"
        )
        columns = result.columns
        return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def results(landing: Path, warehouse: Path) -> list[DocumentResult]:
    """Every document landed, with its findings (a document without findings is listed too)."""
    findings = read_findings(warehouse)
    by_document: dict[str, list[Finding]] = {}
    for finding in findings:
        by_document.setdefault(finding.document_id, []).append(finding)
    documents = [
        DocumentResult(**document, findings=by_document.pop(document["document_id"], []))
        for document in documents_read(landing)
    ]
    # A finding on a document the landing does not list would be lost: it is shown, not dropped.
    documents += [
        DocumentResult(document_id, "?", None, None, None, rest) for document_id, rest in by_document.items()
    ]
    return documents


def amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value}"


def where(finding: Finding) -> str:
    """The page, then the cells or statements; a locator that starts with its page (a PDF's
    `p13 表格1 …`) is not preceded by the page again."""
    page = f"p{finding.page}" if finding.page is not None else ""
    locator = finding.locator or ""
    if page and locator.startswith(page + " "):
        page = ""
    return " ".join(part for part in (page, locator) if part)


def summary_line(finding: Finding, width: int = 160) -> str:
    what = ""
    unit = f" {finding.unit}" if finding.unit else ""
    # Only the sides that have a value: a completion rate printed for a blank budget (D28) has
    # no expected value, and an empty "应为 expected  %" would read as a number left out.
    sides = [
        f"{label} {amount(value)}{unit}"
        for label, value in (("应为 expected", finding.expected), ("实为 actual", finding.actual))
        if value is not None
    ]
    if sides:
        what = " " + ", ".join(sides)
    sentence = f" 「{finding.sentence}」" if finding.sentence else ""
    line = f"  {finding.rule_id} [{finding.severity}] {where(finding)}: {finding.message};{what}{sentence}"
    return line if len(line) <= width else line[: width - 1] + "…"


def console(documents: list[DocumentResult], shown_per_document: int = 20) -> str:
    """The console summary: each document's findings (at most ``shown_per_document``), then the
    batch table."""
    lines = []
    for document in documents:
        if not document.findings:
            continue
        lines.append(f"{document.document_id} ({document.source_file}): {len(document.findings)} 处")
        lines += [summary_line(finding) for finding in document.findings[:shown_per_document]]
        if len(document.findings) > shown_per_document:
            lines.append(f"  … {len(document.findings) - shown_per_document} more (findings.csv)")
    lines.append(batch_table(documents))
    errors = sum(document.errors for document in documents)
    warnings = sum(document.warnings for document in documents)
    if errors or warnings:
        lines.append(f"审核发现 {errors} 处错误、{warnings} 处提示，共 {len(documents)} 份文档")
    else:
        lines.append(f"审核通过：{len(documents)} 份文档，无任何发现")
    return "\n".join(lines)


def display_width(text: str) -> int:
    """Columns a terminal gives the text: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def batch_table(documents: list[DocumentResult]) -> str:
    header = ("document", "profile", "year", "pages", "errors", "warnings", "rules")
    rows = [
        (
            document.document_id,
            document.profile_code or "?",
            str(document.fiscal_year or "?"),
            str(document.page_count or ""),
            str(document.errors),
            str(document.warnings),
            " ".join(sorted({finding.rule_id for finding in document.findings})),
        )
        for document in documents
    ]
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join([lines[0], "  ".join("-" * width for width in widths), *lines[1:]])


def as_record(finding: Finding) -> dict:
    record = asdict(finding)
    for key in ("expected", "actual", "difference"):
        record[key] = None if record[key] is None else str(record[key])
    return record


def write_csv(documents: list[DocumentResult], path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for document in documents:
            for finding in document.findings:
                record = as_record(finding)
                record["detail"] = json.dumps(record["detail"], ensure_ascii=False, default=str)
                writer.writerow(record)
    return path


def write_json(documents: list[DocumentResult], path: Path) -> Path:
    payload = {
        "documents": [
            {
                "document_id": document.document_id,
                "source_file": document.source_file,
                "profile_code": document.profile_code,
                "fiscal_year": document.fiscal_year,
                "page_count": document.page_count,
                "errors": document.errors,
                "warnings": document.warnings,
                "findings": [as_record(finding) for finding in document.findings],
            }
            for document in documents
        ]
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path


STYLE = """
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td.sev { color: #b00; font-weight: bold; }
tr.warn td.sev { color: #a60; }
.ok { color: #070; }
details pre { white-space: pre-wrap; font-size: 85%; }
"""


def write_html(documents: list[DocumentResult], path: Path) -> Path:
    escape = html.escape
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        "<title>部门决算公开审核报告</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>部门决算公开审核报告</h1>",
        "<table><tr><th>文档</th><th>格式</th><th>年度</th><th>页数</th><th>错误</th><th>提示</th><th>规则</th></tr>",
    ]
    for document in documents:
        rules = " ".join(sorted({finding.rule_id for finding in document.findings}))
        parts.append(
            f"<tr><td><a href='#{escape(document.document_id)}'>{escape(document.document_id)}</a></td>"
            f"<td>{escape(document.profile_code or '?')}</td><td>{document.fiscal_year or '?'}</td>"
            f"<td class='num'>{document.page_count or ''}</td><td class='num'>{document.errors}</td>"
            f"<td class='num'>{document.warnings}</td><td>{escape(rules)}</td></tr>"
        )
    parts.append("</table>")
    for document in documents:
        parts.append(f"<h2 id='{escape(document.document_id)}'>{escape(document.document_id)}</h2>")
        parts.append(f"<p>{escape(document.source_file)}</p>")
        if not document.findings:
            parts.append("<p class='ok'>审核通过：无任何发现</p>")
            continue
        parts.append(
            "<table><tr><th>规则</th><th>级别</th><th>页</th><th>位置（单元格/句子）</th><th>问题</th>"
            "<th>应为</th><th>实为</th><th>差额</th><th>单位</th><th>明细</th></tr>"
        )
        for finding in document.findings:
            sentence = f"<br>「{escape(finding.sentence)}」" if finding.sentence else ""
            detail = escape(json.dumps(finding.detail, ensure_ascii=False, indent=1, default=str))
            parts.append(
                f"<tr class='{escape(finding.severity)}'><td>{escape(finding.rule_id)}</td>"
                f"<td class='sev'>{escape(finding.severity)}</td>"
                f"<td class='num'>{'' if finding.page is None else finding.page}</td>"
                f"<td>{escape(finding.locator or '')}{sentence}</td><td>{escape(finding.message)}</td>"
                f"<td class='num'>{amount(finding.expected)}</td><td class='num'>{amount(finding.actual)}</td>"
                f"<td class='num'>{amount(finding.difference)}</td><td>{escape(finding.unit or '')}</td>"
                f"<td><details><summary>{escape(finding.test_name)}</summary><pre>{detail}</pre></details></td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


WRITERS = {
    "csv": ("findings.csv", write_csv),
    "json": ("findings.json", write_json),
    "html": ("report.html", write_html),
}


def write(documents: list[DocumentResult], out: Path, formats: list[str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [WRITERS[name][1](documents, out / WRITERS[name][0]) for name in formats]
