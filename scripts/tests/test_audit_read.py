"""Reading published documents into the document landing (issue 15, READ).

The Shanghai case (data/sh_putuo_finance_bureau_2024: the transcription tables/*.csv and
narrative.csv, and the published PDF) is read and measured: every transcribed cell lands with the
profile's keys, and every cell the PDF reader finds is compared with the transcription.
"""

from __future__ import annotations

import csv
import functools
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from juesuan.audit.landing import SCHEMAS, land_documents

CASE = Path(__file__).with_name("data") / "sh_putuo_finance_bureau_2024"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def landed(out: Path, name: str) -> list[dict]:
    """A landing file's rows, decimals as Decimal (not float)."""
    with duckdb.connect() as connection:
        result = connection.execute(f"select * from '{out / name}.parquet'")
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


@functools.cache
def transcription_landing() -> Path:
    out = Path(__import__("tempfile").mkdtemp(prefix="juesuan-landing-"))
    land_documents([CASE], out)
    return out


def test_the_landing_files_have_the_interfaces_columns_and_types():
    out = transcription_landing()
    for name, columns in SCHEMAS.items():
        with duckdb.connect() as connection:
            described = connection.execute(f"describe select * from '{out / name}.parquet'").fetchall()
        assert [(row[0], row[1].lower()) for row in described] == [
            (column, kind.replace("integer", "integer").lower()) for column, kind in columns
        ], name


def test_every_transcribed_cell_lands_with_the_profiles_keys_and_blank_stays_blank():
    out = transcription_landing()
    (document,) = landed(out, "documents")
    assert document["kind"] == "transcription"
    assert document["profile_code"] == "shanghai-2024" and document["profile_detected"]
    assert document["department_name"] == "上海市普陀区财政局" and document["fiscal_year"] == 2024
    cells = landed(out, "cells")
    printed = [row for path in sorted((CASE / "tables").glob("t0?.csv")) for row in read_csv(path)]
    assert len(cells) == len(printed)
    by_locator = {cell["locator"]: cell for cell in cells}
    for path in sorted((CASE / "tables").glob("t0?.csv")):
        for number, row in enumerate(read_csv(path), start=2):
            cell = by_locator[f"{path.name} 行{number}"]
            assert cell["table_no"] == path.stem[1:]
            assert cell["line_key"] and cell["column_key"], cell
            amount = cell["amount_wan"]
            if row["amount"] == "":
                assert amount is None, cell
            else:
                assert amount == Decimal(row["amount"]), cell
    assert landed(out, "read_problems") == []


def test_the_narrative_lands_as_statements_with_codes_moved_to_the_subject():
    statements = landed(transcription_landing(), "statements")
    items = read_csv(CASE / "narrative.csv")
    assert len(statements) == len(items)
    keyed = {(s["item_key"], s["subject_code"]): s for s in statements}
    assert keyed[("gp_structure_amount", "201")]["value"] == Decimal("2106.66")
    assert keyed[("item_budget", "2010601")]["value"] == Decimal("1560.05")
    # Printed as 下降1.87%: the value as printed, the direction in its word.
    assert keyed[("total_yoy_pct", None)]["value"] == Decimal("1.87")
    assert keyed[("total_yoy_pct", None)]["comparison_word"] == "下降"
    assert keyed[("fiscal_total_yoy", None)]["comparison_word"] == "持平"


def test_a_folder_that_is_no_document_becomes_a_read_problem_not_a_crash(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    summaries = land_documents([bad], tmp_path / "landing")
    assert summaries[0].problems == 1
    (problem,) = landed(tmp_path / "landing", "read_problems")
    assert problem["problem"] == "unreadable_file" and "broken.pdf" in problem["detail"]


@pytest.mark.parametrize("table_no", ["01", "04", "06", "09"])
def test_a_row_the_profile_does_not_know_is_reported_not_dropped(tmp_path, table_no):
    import shutil

    case = shutil.copytree(CASE, tmp_path / "case", ignore=shutil.ignore_patterns("ledger"))
    path = case / "tables" / f"t{table_no}.csv"
    rows = read_csv(path)
    rows[0]["row_label"] = "不存在的行"
    rows[0]["code"] = ""
    rows[0]["column_label"] = "不存在的栏" if table_no == "09" else rows[0]["column_label"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    land_documents([case], tmp_path / "landing", profile="shanghai-2024")
    problems = {row["problem"] for row in landed(tmp_path / "landing", "read_problems")}
    expected = {"unknown_column"} if table_no == "09" else {"unknown_row"}
    assert problems == expected
    assert len(landed(tmp_path / "landing", "cells")) == sum(
        len(read_csv(p)) for p in (case / "tables").glob("t0?.csv")
    )


def test_the_transcriptions_keys_are_the_keys_our_build_of_the_case_gives_its_cells():
    """The same case built from its ledger in profile shanghai-2024 (test_profile_shanghai's
    build): every landed cell finds exactly one rpt_disclosure_cells cell by (table, block,
    line_key, column_key) with the same labels, code and column order; amounts agree but where
    the document prints blank for our 0.00 and its own contradiction (README item 1: 326.71)."""
    from test_profile_shanghai import built

    warehouse, department, year = built()
    out = transcription_landing()
    with duckdb.connect() as connection:
        connection.execute(f"attach '{warehouse}' as built (read_only)")
        result = connection.execute(
            f"""
            with landed as (select * from '{out}/cells.parquet'),
            ours as (
                select * from built.disclosure.rpt_disclosure_cells
                where department_code = ? and fiscal_year = ? and unit_code is null
            )
            select
                count(*) as landed,
                count(ours.table_no) as matched,
                count(*) filter (where landed.row_label = ours.row_label
                    and landed.row_code is not distinct from ours.row_code
                    and landed.column_label = ours.column_label
                    and landed.column_order = ours.column_order) as same_frame,
                count(*) filter (where landed.amount_wan is null and ours.amount_wan = 0) as blank_for_zero,
                list(landed.table_no || ' ' || landed.line_key || ' ' || landed.column_key || ' '
                    || landed.amount_wan::varchar || '/' || ours.amount_wan::varchar order by landed.table_no, landed.column_key)
                    filter (where coalesce(landed.amount_wan, 0) <> ours.amount_wan) as unequal,
                (select count(*) from ours) as ours
            from landed
            left join ours
                on landed.table_no = ours.table_no and landed.block = ours.block
                and landed.line_key = ours.line_key and landed.column_key = ours.column_key
            """,
            [department, year],
        ).fetchone()
    landed_count, matched, same_frame, blank_for_zero, unequal, ours = result
    assert landed_count == matched == same_frame == ours == 577
    assert blank_for_zero == 577 - 195  # every blank is a 0.00 of ours (195 printed numbers)
    assert unequal == [
        "01 208 amount 326.71/326.72",
        "04 208 general_public 326.71/326.72",
        "04 208 total 326.71/326.72",
    ]


PDF = CASE / "上海市普陀区财政局2024年度部门决算.pdf"
KEYS = ("table_no", "block", "line_key", "column_key")


@functools.cache
def pdf_landing() -> Path:
    out = Path(__import__("tempfile").mkdtemp(prefix="juesuan-landing-"))
    land_documents([PDF], out)
    return out


def test_every_cell_parsed_from_the_pdf_is_the_transcriptions_cell():
    """Measured, not assumed: each cell the PDF reader lands is paired by its keys with one
    transcribed cell (and each transcribed cell with one PDF cell); the amount agrees, a blank
    printed cell stays NULL (blank and 0.00 distinct), the row label agrees; the amount text is the
    transcription's but for the thousands separators the transcription removed."""
    pdf_cells = landed(pdf_landing(), "cells")
    transcribed = landed(transcription_landing(), "cells")
    by_key = {tuple(cell[key] for key in KEYS): cell for cell in transcribed}
    assert len(by_key) == len(transcribed)
    pairs = [(cell, by_key.get(tuple(cell[key] for key in KEYS))) for cell in pdf_cells]
    unmatched = [cell["locator"] for cell, other in pairs if other is None]
    assert unmatched == []
    assert len({tuple(cell[key] for key in KEYS) for cell in pdf_cells}) == len(pdf_cells) == len(transcribed)
    disagree = [
        (cell["locator"], cell["amount_text"], other["amount_text"])
        for cell, other in pairs
        if cell["amount_wan"] != other["amount_wan"]
        or cell["amount_text"].replace(",", "") != other["amount_text"]
        or cell["row_label"] != other["row_label"]
        or cell["row_code"] != other["row_code"]
    ]
    assert disagree == []
    printed = [cell for cell in pdf_cells if cell["amount_wan"] is not None]
    assert len(printed) == sum(1 for cell in transcribed if cell["amount_wan"] is not None)
    assert all(cell["page"] and cell["locator"].startswith(f"p{cell['page']} ") for cell in pdf_cells)
    assert landed(pdf_landing(), "read_problems") == []


def test_every_narrative_number_of_the_transcription_is_read_from_the_pdf():
    """Each item of narrative.csv is a statement of the PDF with its key, subject and value (text
    items: their word)."""
    read = landed(pdf_landing(), "statements")
    missing = []
    for item in landed(transcription_landing(), "statements"):
        found = [
            s for s in read if (s["item_key"], s["subject_code"]) == (item["item_key"], item["subject_code"])
        ]
        if item["value"] is None:
            ok = any(s["value_text"] == item["value_text"] for s in found)
        else:
            ok = any(s["value"] == item["value"] and s["unit"] == item["unit"] for s in found)
        if not ok:
            missing.append((item["item_key"], item["subject_code"], item["value_text"]))
    assert missing == []
    assert all(s["page"] in (21, 22, 23, 24) and s["part"] for s in read)


def test_the_pdf_tables_come_with_titles_pages_order_and_empty_statements():
    (document,) = landed(pdf_landing(), "documents")
    assert (document["kind"], document["profile_code"], document["profile_detected"]) == (
        "pdf",
        "shanghai-2024",
        True,
    )
    assert (document["department_name"], document["fiscal_year"], document["page_count"]) == (
        "上海市普陀区财政局",
        2024,
        25,
    )
    tables = sorted(landed(pdf_landing(), "tables"), key=lambda row: row["position"])
    readme = (CASE / "README.md").read_text(encoding="utf-8")
    import re

    expected = re.findall(r"^\| \S \| (\S+) \| t(\d\d)\.csv \|", readme, re.M)
    assert [(row["title"], row["table_no"]) for row in tables] == expected
    assert [row["page"] for row in tables] == [6, 8, 10, 12, 15, 16, 18, 19, 20]
    empty = {row["table_no"]: row["empty_statement"] for row in tables if row["is_empty"]}
    assert set(empty) == {"07", "08"}
    assert all(statement and "本表无数据" in statement for statement in empty.values())


def test_the_table_of_contents_and_the_headings_are_told_apart():
    texts = landed(pdf_landing(), "texts")
    toc = [row["text"] for row in texts if row["kind"] == "toc_entry"]
    headings = [row["text"].replace(" ", "") for row in texts if row["kind"] == "heading"]
    assert "一、收入支出决算总表" in toc and "第四部分 名词解释" in toc
    assert "一、收入支出决算总体情况说明" in headings
    assert {row["page"] for row in texts if row["kind"] == "toc_entry"} == {2, 3}


def compare_with_build(out: Path, warehouse: Path, department: str, year: int) -> dict:
    """Each landed cell against rpt_disclosure_cells of the build it was published from, by keys:
    how many landed, matched, agree (a printed blank agrees with a 0 of the build only where the
    profile prints zero as blank), and the disagreeing locators."""
    with duckdb.connect() as connection:
        connection.execute(f"attach '{warehouse}' as built (read_only)")
        landed_count, ours, matched, agree, blanks, wrong = connection.execute(
            f"""
            with landed as (select * from '{out}/cells.parquet'),
            ours as (
                select cells.*, profiles.zero_display
                from built.disclosure.rpt_disclosure_cells as cells
                left join built.disclosure.rpt_disclosure_tables as profiles
                    on cells.department_code = profiles.department_code and profiles.unit_code is null
                    and cells.fiscal_year = profiles.fiscal_year and cells.table_no = profiles.table_no
                where cells.department_code = ? and cells.fiscal_year = ? and cells.unit_code is null
            ),
            paired as (
                select landed.*, ours.amount_wan as built_wan, ours.zero_display, ours.table_no is not null as found
                from landed left join ours
                    on landed.table_no = ours.table_no and landed.block = ours.block
                    and landed.line_key = ours.line_key and landed.column_key = ours.column_key
            )
            select
                count(*), (select count(*) from ours), count(*) filter (where found),
                count(*) filter (where amount_wan = built_wan
                    or (amount_wan is null and built_wan = 0 and zero_display = 'blank')),
                count(*) filter (where amount_wan is null),
                list(locator) filter (where found and not (amount_wan = built_wan
                    or (amount_wan is null and built_wan = 0 and zero_display = 'blank')))
            from paired
            """,
            [department, year],
        ).fetchone()
    return {
        "landed": landed_count,
        "ours": ours,
        "matched": matched,
        "agree": agree,
        "blanks": blanks,
        "wrong": wrong,
    }


@functools.cache
def shanghai_published() -> tuple[Path, Path, str, int]:
    """The case built in shanghai-2024 (test_profile_shanghai's build), published and exported."""
    from test_profile_shanghai import built

    from juesuan import export
    from juesuan.publish import cli

    warehouse, department, year = built()
    out = Path(__import__("tempfile").mkdtemp(prefix="juesuan-audit-published-"))
    cli.publish(warehouse, out / "published", department=department, year=year)
    export.export(warehouse, out / "exported")
    return out, warehouse, department, year


@pytest.mark.parametrize("what", ["workbook", "csv", "pdf", "html"])
def test_our_own_shanghai_outputs_read_back_are_our_cells(tmp_path, what):
    out, warehouse, department, year = shanghai_published()
    published = out / "published" / department / str(year)
    path = {
        "workbook": published / "决算公开.xlsx",
        "pdf": published / "决算公开.pdf",
        "html": published / "决算公开.html",
        "csv": out / "exported" / department / str(year),
    }[what]
    (summary,) = land_documents([path], tmp_path)
    assert (summary.kind, summary.profile_code, summary.profile_detected, summary.fiscal_year) == (
        what,
        "shanghai-2024",
        True,
        year,
    )
    assert landed(tmp_path, "read_problems") == []
    measured = compare_with_build(tmp_path, warehouse, department, year)
    assert measured["landed"] == measured["ours"] == measured["matched"] == measured["agree"], measured
    assert not measured["wrong"]
    assert [
        row["table_no"] for row in sorted(landed(tmp_path, "tables"), key=lambda row: row["position"])
    ] == ["01", "02", "03", "04", "05", "06", "09", "07", "08"]


@pytest.mark.parametrize("what", ["workbook", "csv", "pdf", "html"])
def test_the_bundled_examples_outputs_read_back_are_its_cells(tmp_path, what):
    from publish_support import EXAMPLE, published, warehouse

    from juesuan import export

    folder = published()
    if what != "csv":
        path = folder / f"决算公开.{ {'workbook': 'xlsx'}.get(what, what) }"
    else:
        export.export(warehouse(), tmp_path / "exported")
        path = tmp_path / "exported" / EXAMPLE[0] / str(EXAMPLE[1])
    (summary,) = land_documents([path], tmp_path / "landing")
    assert (summary.profile_code, summary.profile_detected, summary.fiscal_year) == (
        "central-2023",
        True,
        EXAMPLE[1],
    )
    assert landed(tmp_path / "landing", "read_problems") == []
    measured = compare_with_build(tmp_path / "landing", warehouse(), *EXAMPLE)
    assert measured["landed"] == measured["ours"] == measured["matched"] == measured["agree"], measured
    assert measured["blanks"] == 0  # central-2023 prints zero as 0.00


EXAMPLE_TEXT = Path(__file__).with_name("data") / "zhuzhou-hitech-bigdata-bureau-2023-final-accounts.txt"


@functools.cache
def example_text_landing() -> Path:
    out = Path(__import__("tempfile").mkdtemp(prefix="juesuan-landing-"))
    land_documents([EXAMPLE_TEXT], out)
    return out


def test_the_example_text_layer_lands_the_tables_our_build_reproduces():
    """The bundled example's published text (central-2023): every cell of its eight tables lands
    with our keys and equals our build of the example (the text prints zero as blank); its 三公
    table 09 is not in the text layer, which the landing says (table_missing) instead of
    pretending."""
    from publish_support import EXAMPLE, warehouse

    out = example_text_landing()
    (document,) = landed(out, "documents")
    assert (document["kind"], document["profile_code"], document["fiscal_year"]) == (
        "text",
        "central-2023",
        2023,
    )
    assert document["department_name"] == "株洲高新技术产业开发区大数据资源局"
    assert [(p["problem"], p["detail"]) for p in landed(out, "read_problems")] == [
        ("table_missing", "缺少表09（财政拨款“三公”经费支出决算表）")
    ]
    with duckdb.connect() as connection:
        connection.execute(f"attach '{warehouse()}' as built (read_only)")
        landed_count, matched, agree = connection.execute(
            f"""
            with landed as (select * from '{out}/cells.parquet'),
            ours as (
                select * from built.disclosure.rpt_disclosure_cells
                where department_code = ? and fiscal_year = ? and unit_code is null
            )
            select count(*), count(ours.table_no), count(*) filter (where coalesce(landed.amount_wan, 0) = ours.amount_wan)
            from landed left join ours
                on landed.table_no = ours.table_no and landed.block = ours.block
                and landed.line_key = ours.line_key and landed.column_key = ours.column_key
            """,
            list(EXAMPLE),
        ).fetchone()
        ours = connection.execute(
            "select count(*) from built.disclosure.rpt_disclosure_cells"
            " where department_code = ? and fiscal_year = ? and unit_code is null and table_no <> '09'",
            list(EXAMPLE),
        ).fetchone()[0]
    assert landed_count == matched == ours
    assert agree == landed_count
    # 08 prints one number, its 合计 row's 0.00, under 基本支出 (as printed, not moved).
    t08 = [
        cell for cell in landed(out, "cells") if cell["table_no"] == "08" and cell["amount_wan"] is not None
    ]
    assert [(cell["column_key"], cell["amount_wan"]) for cell in t08] == [("basic", Decimal("0.00"))]


def test_the_example_texts_narrative_keeps_what_its_known_faults_need():
    """DOMAIN.md's faults of the example that live in its words (prose, and the performance
    self-report's data table): each is a statement with the value, unit and key the checks
    compare."""
    statements = landed(example_text_landing(), "statements")
    by_key = {}
    for statement in statements:
        by_key.setdefault((statement["item_key"], statement["subject_code"]), []).append(statement)
    # 增加0.13元 where the unit is 万元
    (reception,) = by_key[("reception_yoy_change", None)]
    assert (reception["value"], reception["unit"], reception["comparison_word"]) == (
        Decimal("0.13"),
        "元",
        "增加",
    )
    # the performance self-report's 基本支出 140.23 / 项目支出 29.61 against the tables' 113.43 / 56.42
    assert by_key[("annex_basic_expenditure", None)][0]["value"] == Decimal("140.23")
    assert by_key[("annex_project_expenditure", None)][0]["value"] == Decimal("29.61")
    assert by_key[("basic_expenditure", None)][0]["value"] == Decimal("113.43")
    # 货物采购授予中小企业合同金额占货物支出金额的32.2% (6.38 / 19.79 of all procurement)
    assert by_key[("procurement_goods_sme_share_pct", None)][0]["value"] == Decimal("32.2")
    assert by_key[("procurement_goods", None)][0]["value"] == Decimal("6.38")
    # 三公 budget: 0.13 in the 情况说明, 0.2 in the self-report's data table
    assert by_key[("three_public_budget", None)][0]["value"] == Decimal("0.13")
    (annex_budget,) = by_key[("annex_three_public_budget", None)]
    assert (annex_budget["value"], annex_budget["value_text"]) == (Decimal("0.20"), "0.2")
    # staff: 7 (编制 7) in the self-report's prose, 8 (编制 11) in its data table
    assert sorted(s["value"] for s in by_key[("annex_staff", None)]) == [Decimal("7"), Decimal("8")]
    assert sorted(s["value"] for s in by_key[("annex_staff_establishment", None)]) == [
        Decimal("7"),
        Decimal("11"),
    ]
    # every 项 of the 年初预算 list with its code, budget above or below its 决算 in words
    items = {s["subject_code"]: s for s in statements if s["item_key"] == "item_budget"}
    assert set(items) == {"2010302", "2080505", "2089999", "2101101", "2101103", "2150101", "2210201"}
    assert items["2010302"]["comparison_word"] == "大于" and items["2150101"]["comparison_word"] == "小于"


def test_a_folder_of_documents_is_many_documents_with_a_progress_bar(tmp_path, capsys, monkeypatch):
    """A folder of PDFs and texts: one document each (ids from the file names, unique), each with
    its own profile detected; a file that is no document is a read problem of its own. The
    progress bar is drawn on a terminal, and not into a log or a pipe."""
    import io
    import shutil
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(PDF, folder / "putuo.pdf")
    shutil.copy(PDF, folder / "sub" / "putuo.pdf")
    shutil.copy(EXAMPLE_TEXT, folder / "zhuzhou.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    land_documents([folder / "zhuzhou.txt"], tmp_path / "piped", progress=True)
    assert "读取文档" not in capsys.readouterr().err
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    summaries = land_documents([folder], tmp_path / "landing", progress=True)
    monkeypatch.undo()
    assert "读取文档" in terminal.getvalue()
    assert sorted((s.document_id, s.profile_code) for s in summaries) == [
        ("broken", None),
        ("putuo", "shanghai-2024"),
        ("putuo.pdf", "shanghai-2024"),  # the same name again: its suffix tells it apart
        ("zhuzhou", "central-2023"),
    ]
    documents = landed(tmp_path / "landing", "documents")
    assert len(documents) == 4 and len({d["document_id"] for d in documents}) == 4
    problems = landed(tmp_path / "landing", "read_problems")
    assert {p["document_id"] for p in problems if p["problem"] == "unreadable_file"} == {"broken"}
    cells = landed(tmp_path / "landing", "cells")
    assert {c["document_id"] for c in cells} == {"putuo", "putuo.pdf", "zhuzhou"}


def test_a_given_profile_is_used_and_not_detected(tmp_path):
    (summary,) = land_documents([CASE], tmp_path, profile="shanghai-2024")
    assert (summary.profile_code, summary.profile_detected) == ("shanghai-2024", False)


def test_the_profile_is_told_from_the_titles_and_their_order():
    from juesuan.audit.read.layout import profile_layout
    from juesuan.audit.read.profile import detect_from_titles

    for code in ("central-2023", "shanghai-2024"):
        tables = profile_layout(code, 2024).in_print_order()
        assert detect_from_titles([table.table_label for table in tables], 2024) == code
    # Shanghai's table pages print titles without their numbers.
    shanghai = [table.table_title for table in profile_layout("shanghai-2024", 2024).in_print_order()]
    assert detect_from_titles(shanghai, 2024) == "shanghai-2024"
    assert detect_from_titles(["第一部分 概况", "一、主要职能"], 2024) is None


def test_an_amount_that_is_no_number_is_reported_with_its_place(tmp_path):
    import shutil

    case = shutil.copytree(CASE, tmp_path / "case", ignore=shutil.ignore_patterns("ledger", "*.pdf"))
    path = case / "tables" / "t05.csv"
    rows = read_csv(path)
    rows[3]["amount"] = "1,5O3.52"  # a letter O for a zero
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    land_documents([case], tmp_path / "landing")
    (problem,) = landed(tmp_path / "landing", "read_problems")
    assert (problem["problem"], problem["locator"], problem["value"]) == (
        "not_a_number",
        "t05.csv 行5",
        "1,5O3.52",
    )
    (cell,) = [c for c in landed(tmp_path / "landing", "cells") if c["locator"] == "t05.csv 行5"]
    assert cell["amount_wan"] is None and cell["amount_text"] == "1,5O3.52"


def test_make_runs_output_folder_is_one_document_per_output(tmp_path):
    """output/<department>/<year>/ holds the CSV exports (one document) and the workbook, HTML
    and PDF published beside them (one document each), ids prefixed with department and year."""
    import shutil

    from publish_support import EXAMPLE, published, warehouse

    from juesuan import export

    export.export(warehouse(), tmp_path / "output")
    folder = tmp_path / "output" / EXAMPLE[0] / str(EXAMPLE[1])
    for name in ("决算公开.xlsx", "决算公开.html", "决算公开.pdf"):
        shutil.copy(published() / name, folder / name)
    summaries = [
        s for s in land_documents([tmp_path / "output"], tmp_path / "landing") if "2023" in s.document_id
    ]
    assert sorted((s.document_id, s.kind) for s in summaries) == [
        ("ZZGX-DSJ_2023", "csv"),
        ("ZZGX-DSJ_2023_决算公开", "html"),
        ("ZZGX-DSJ_2023_决算公开.pdf", "pdf"),
        ("ZZGX-DSJ_2023_决算公开.xlsx", "workbook"),
    ]
    assert all(s.problems == 0 and s.cells == summaries[0].cells for s in summaries)


def test_a_print_variant_is_told_by_how_its_codes_are_printed():
    """shanghai-2024 and shanghai-2024-whole-codes share one layout: the titles cannot tell them
    apart, the code columns can (split 类/款/项 or whole)."""
    from juesuan.audit.read.profile import print_variant

    assert print_variant("shanghai-2024", "whole") == "shanghai-2024-whole-codes"
    assert print_variant("shanghai-2024-whole-codes", "split") == "shanghai-2024"
    assert print_variant("shanghai-2024", None) == "shanghai-2024"
    assert print_variant("central-2023", "split") == "central-2023"  # no such variant: as detected
    (document,) = landed(pdf_landing(), "documents")
    assert document["profile_code"] == "shanghai-2024"  # the Putuo PDF splits its codes
