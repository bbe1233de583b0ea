"""The audit of a published document (juesuan audit): the Shanghai case's real faults are found and
nothing else, and each kind of change to it (a cell, a comparison word, a year, a table removed,
a placeholder …) is reported as exactly that. All documents are checked in ONE dbt build (each
changed copy is one more document of the landing: scripts/tests/audit_cases.py).
"""

from __future__ import annotations

import json
from decimal import Decimal

import duckdb
import pytest
from audit_cases import (
    CASES,
    EXAMPLE_TEXT,
    EXAMPLE_TEXT_RULES,
    PDF,
    PDF_ONLY_RULES,
    SHANGHAI_RULES,
    land_cases,
)
from conftest import PROVEN

from juesuan.audit import report
from juesuan.audit.cli import check
from juesuan.audit.cli import main as audit_main


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    # The project's own documents of the bundled example, published and exported from its
    # warehouse (publish_support: make test's, or one built for the session), read back.
    from publish_support import EXAMPLE, published
    from publish_support import warehouse as example_warehouse

    from juesuan import export

    export.export(example_warehouse(), root / "exported")
    own = (
        published() / "决算公开.xlsx",
        published() / "决算公开.pdf",
        root / "exported" / EXAMPLE[0] / str(EXAMPLE[1]),
    )
    landing, (pdf, text, *own_ids) = land_cases(CASES, root, documents=(PDF, EXAMPLE_TEXT, *own))
    warehouse, unfinished = check(landing, root / "out")
    assert unfinished == []
    documents = {document.document_id: document for document in report.results(landing, warehouse)}
    documents["pdf"] = documents.pop(pdf)
    documents["example_text"] = documents.pop(text)
    documents["own_workbook"], documents["own_pdf"], documents["own_csv"] = (
        documents.pop(name) for name in own_ids
    )
    PROVEN["documents"] = {
        finding.rule_id for document in documents.values() for finding in document.findings
    }
    return root, warehouse, documents


def signature(finding: report.Finding) -> tuple:
    return finding.rule_id, finding.page, finding.locator


def text_of(finding: report.Finding) -> str:
    return " ".join(
        str(part) for part in (finding.locator, finding.sentence, finding.actual) if part is not None
    )


def test_shanghai_faults_are_found_and_nothing_else(audited):
    _, _, documents = audited
    original = documents["sh_original"]
    assert {finding.rule_id for finding in original.findings} == set(SHANGHAI_RULES)
    for rule_id, fragment in SHANGHAI_RULES.items():
        assert any(
            fragment in text_of(finding) for finding in original.findings if finding.rule_id == rule_id
        ), (
            rule_id,
            fragment,
        )
    # Item 9 names two items with a blank budget (因公出国, 公务用车), not 公务接待费 (budget 0.95).
    blank_budget = [finding.sentence for finding in original.findings if finding.rule_id == "D28"]
    assert len(blank_budget) == 2 and not any("公务接待费" in sentence for sentence in blank_budget)
    # Item 1: where the two tables print the quantity, in 万元 as printed.
    drift = next(finding for finding in original.findings if finding.rule_id == "X01-03")
    assert (str(drift.expected), str(drift.actual)) == ("326.72", "326.71")
    assert "t01.csv" in drift.locator and "t03.csv" in drift.locator


def test_the_pdf_shows_the_same_faults_at_its_pages(audited):
    """The published PDF, read by READ's PDF reader, gives the transcription's findings with the
    same expected and actual values, each at its page, and what only its text can show."""
    _, _, documents = audited
    pdf, original = documents["pdf"].findings, documents["sh_original"].findings
    assert {finding.rule_id for finding in pdf} == set(SHANGHAI_RULES) | set(PDF_ONLY_RULES)
    for rule_id, fragment in PDF_ONLY_RULES.items():
        assert [finding.sentence for finding in pdf if finding.rule_id == rule_id] == [fragment]

    def values(findings):
        return sorted((f.rule_id, f.expected, f.actual) for f in findings if f.rule_id in SHANGHAI_RULES)

    assert values(pdf) == values(original)
    assert all(finding.page is not None for finding in pdf)
    drift = next(finding for finding in pdf if finding.rule_id == "X01-03")
    assert drift.locator.startswith("p6 ") and " ↔ p10 " in drift.locator  # 01 on page 6, 03 on page 10


def test_the_example_texts_documented_faults_are_found_and_nothing_else(audited):
    """DOMAIN.md's known faults of the bundled example that its text can show (docs/audit.md
    says which cannot), and nothing else: the 06 totals 113.42/89.70 are rounding."""
    _, _, documents = audited
    findings = documents["example_text"].findings
    found = {}
    for finding in findings:
        found.setdefault(finding.rule_id, []).append(text_of(finding))
    assert set(found) == set(EXAMPLE_TEXT_RULES)
    for rule_id, fragments in EXAMPLE_TEXT_RULES.items():
        assert len(found[rule_id]) == len(fragments), found[rule_id]
        assert all(any(fragment in text for text in found[rule_id]) for fragment in fragments), found[rule_id]


@pytest.mark.parametrize("document", ["own_workbook", "own_pdf", "own_csv"])
def test_our_own_published_documents_have_no_finding(audited, document):
    _, _, documents = audited
    assert documents[document].profile_code == "central-2023"
    assert [report.summary_line(finding) for finding in documents[document].findings] == []


def test_rounding_within_the_printed_parts_is_no_fault(audited):
    """README items 2, 3, 6, 7: a total that differs from its printed parts by less than half a
    unit per part is what rounding correct 元 amounts gives (the case's ledger reproduces
    them), so none is reported."""
    _, warehouse, documents = audited
    rules = {finding.rule_id for finding in documents["sh_original"].findings}
    assert not rules & {"T02-01", "T03-01", "T05-01", "T06-01", "D24"}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        t06 = dict(
            connection.execute(
                "select row_code, amount_wan from documents.doc_t06 where department_code = 'sh_original'"
                " and row_code in ('301', '302')"
            ).fetchall()
        )
        children = dict(
            connection.execute(
                "select left(row_code, 3), sum(coalesce(amount_wan, 0)) from documents.doc_t06"
                " where department_code = 'sh_original' and length(row_code) = 5 group by 1"
            ).fetchall()
        )
    # … although the document's 301 and 302 are not the sums of their printed 款 (README item 3).
    assert (children["301"] - t06["301"], children["302"] - t06["302"]) == (Decimal("0.01"), Decimal("0.02"))


@pytest.mark.parametrize("case", CASES[1:], ids=lambda case: case.name)
def test_each_change_is_reported_as_exactly_that(audited, case):
    _, _, documents = audited
    original = {signature(finding) for finding in documents["sh_original"].findings}
    changed = documents[case.name].findings
    new = [finding for finding in changed if signature(finding) not in original]
    gone = original - {signature(finding) for finding in changed}
    assert {finding.rule_id for finding in new} == case.added, [
        summary for summary in map(report.summary_line, new)
    ]
    assert {rule_id for rule_id, _, _ in gone} == case.removed
    if case.pointing_at:
        assert all(case.pointing_at in text_of(finding) for finding in new), [
            text_of(finding) for finding in new
        ]


def test_findings_name_the_document_page_and_place(audited):
    _, _, documents = audited
    for document in documents.values():
        for finding in document.findings:
            assert finding.locator or finding.sentence, finding
            assert finding.severity in {"error", "warn"}


def test_reports_are_written(audited):
    root, _, documents = audited
    written = report.write(list(documents.values()), root / "reports", ["csv", "json", "html"])
    assert [path.name for path in written] == ["findings.csv", "findings.json", "report.html"]
    rows = (root / "reports" / "findings.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + sum(len(document.findings) for document in documents.values())
    payload = json.loads((root / "reports" / "findings.json").read_text(encoding="utf-8"))
    ids = {document.document_id for document in documents.values()}
    assert {document["document_id"] for document in payload["documents"]} == ids
    page = (root / "reports" / "report.html").read_text(encoding="utf-8")
    for document_id in ids:
        assert f"href='#{document_id}'" in page and f"id='{document_id}'" in page
    table = report.batch_table(list(documents.values()))
    assert table.splitlines()[0].split() == [
        "document",
        "profile",
        "year",
        "pages",
        "errors",
        "warnings",
        "rules",
    ]


def test_audit_command_exits_non_zero_on_errors(tmp_path, capsys):
    from audit_cases import CASE

    status = audit_main([str(CASE), "--out", str(tmp_path / "out"), "--quiet", "--format", "json"])
    console = capsys.readouterr().out
    assert status == 1
    assert "X01-03 [error]" in console and "sh_putuo_finance_bureau_2024" in console
    assert (tmp_path / "out" / "findings.json").exists() and not (tmp_path / "out" / "report.html").exists()


def test_summary_line_names_the_page_once_and_only_the_values_it_has():
    """A PDF locator starts with its page (`p18 表格1 …`), so the page is not printed twice; a
    completion rate printed for a blank budget (D28) has no expected value, and the line gives
    the actual alone instead of an empty "应为 expected  %"."""
    finding = report.Finding(
        document_id="doc",
        rule_id="D28",
        severity="error",
        kind="说明",
        message="预算数为空或为零，却列示完成预算的百分比",
        page=18,
        locator="p18 表格1 行6 列4",
        sentence="完成预算的0%",
        expected=None,
        actual=Decimal("0.00"),
        difference=None,
        unit="%",
        test_name="d28",
    )
    line = report.summary_line(finding)
    assert "p18 p18" not in line and line.count("p18") == 1
    assert "应为" not in line and "实为 actual 0.00 %" in line
    finding.locator, finding.expected = "s22", Decimal("100.00")
    line = report.summary_line(finding)
    assert "p18 s22" in line and "应为 expected 100.00 %, 实为 actual 0.00 %" in line
