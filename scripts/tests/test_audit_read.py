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
