"""Documents for the audit tests: the Shanghai case (scripts/tests/data/sh_putuo_finance_bureau_2024)
as its transcription folder, and copies of it with one thing changed (a cell, a word, a year, a
table removed, a placeholder …), all landed together by READ's land_documents so that ONE dbt build
checks them all (each copy is one more document_id).

The transcription records the cells and the narrative's numbers, not the document's text lines
(title, table of contents, headings) nor the statement printed under an empty table. What the
PDF prints there is added to the landing by ``complete_landing`` (the title and the table titles
as the PDF prints them, the empty-table notes), so that the structure rules have the same text to
read as on the PDF; the mutations of text change those lines.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

# The repository's copies (scripts/tests/data, SOURCE.md there): a fresh clone has no shared/.
DATA = Path(__file__).resolve().parent / "data"
CASE = DATA / "sh_putuo_finance_bureau_2024"
PDF = CASE / "上海市普陀区财政局2024年度部门决算.pdf"
# The bundled example's published text layer and its known faults (DOMAIN.md).
EXAMPLE_TEXT = DATA / "zhuzhou-hitech-bigdata-bureau-2023-final-accounts.txt"
EXAMPLE_TEXT_RULES = {
    # The performance annex's 基本支出 / 项目支出 (the tables: 113.43 / 56.42), its prose and its
    # data table.
    "D20": ["140.23", "其中基本支出140.23万元，项目支出29.61万元", "项目支出 2023年决算数 29.61"],
    "D30": ["增加0.13元"],  # 三公: 元 where the unit is 万元
    # Staff 7 in the annex's prose, 8 (编制 11) in its data table; 三公 预算 0.13 against 0.2.
    "D31": ["2023年实际在职人数 8", "编制数 11", "2023年预算数 0.2"],
    # The text layer has no table 09 (only its line in the table of contents): so it says.
    "D10": ["缺少表09"],
    "D15": ["九、财政拨款“三公”经费支出决算表"],
}
TITLE = "上海市普陀区财政局2024年度部门决算"
# The statement the PDF prints under its two empty tables (the case's README).
EMPTY_NOTES = {
    "07": "无政府性基金预算财政拨款支出，故本表无数据",
    "08": "无国有资本经营预算财政拨款支出，故本表无数据",
}

Rows = list[dict[str, str]]


@dataclass
class Case:
    """One document of the batch: a copy of the transcription with edits, and what the audit must
    report beyond the original's findings (``added``) and which of the original's it must no
    longer report (``removed``)."""

    name: str
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    tables: dict[str, Callable[[Rows], Rows]] = field(default_factory=dict)
    narrative: Callable[[Rows], Rows] | None = None
    drop_tables: tuple[str, ...] = ()
    # Landing edits (the text lines, tables.parquet, read problems): SQL run on the landing.
    landing_sql: list[str] = field(default_factory=list)
    # Where the added findings must point (a fragment of the locator or sentence of each).
    pointing_at: str | None = None


def read_rows(path: Path) -> tuple[list[str], Rows]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, fields: list[str], rows: Rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def copy_case(case: Case, root: Path) -> Path:
    """The transcription folder as ``root/<case.name>`` with the case's edits."""
    folder = root / case.name
    shutil.copytree(CASE / "tables", folder / "tables")
    shutil.copy2(CASE / "narrative.csv", folder / "narrative.csv")
    for table, edit in case.tables.items():
        fields, rows = read_rows(folder / "tables" / f"{table}.csv")
        write_rows(folder / "tables" / f"{table}.csv", fields, edit(rows))
    if case.narrative is not None:
        fields, rows = read_rows(folder / "narrative.csv")
        write_rows(folder / "narrative.csv", fields, case.narrative(rows))
    for table in case.drop_tables:
        (folder / "tables" / f"{table}.csv").unlink()
    return folder


def complete_landing(landing: Path, cases: list[Case]) -> None:
    """Add what the transcription does not record (see the module's doc), then each case's
    landing edits."""
    with duckdb.connect() as connection:
        for name in ("documents", "tables", "texts", "read_problems"):
            connection.execute(
                f"create table {name} as select * from read_parquet('{landing / name}.parquet')"
            )
        names = ", ".join(f"'{case.name}'" for case in cases)
        connection.execute(
            "update tables set empty_statement = case table_no "
            + " ".join(f"when '{table}' then '{note}'" for table, note in EMPTY_NOTES.items())
            + f" end where is_empty and document_id in ({names})"
        )
        # The title on page 1, the table of contents on page 2 (each table's printed number and
        # title), and each table's title above it.
        connection.execute(
            f"""
            insert into texts
            select document_id, 1, 1, 'title', '{TITLE}' from documents where document_id in ({names})
            union all
            select document_id, 2, position, 'toc_entry', printed_no || '、' || title || '……' || (position + 5)
            from tables where document_id in ({names})
            union all
            select document_id, position + 5, 1, 'table_title', printed_no || '、' || title
            from tables where document_id in ({names})
            """
        )
        for case in cases:
            for statement in case.landing_sql:
                connection.execute(statement.replace("{document}", case.name))
        for name in ("tables", "texts", "read_problems"):
            connection.execute(f"copy {name} to '{landing / name}.parquet' (format parquet)")


def cell(table: str, code: str, column: str, value: str) -> Callable[[Rows], Rows]:
    """An edit: the cell of row ``code`` and column ``column`` becomes ``value``."""

    def edit(rows: Rows) -> Rows:
        hits = [row for row in rows if row["code"] == code and row["column_label"] == column]
        assert len(hits) == 1, f"{table}: {len(hits)} cells {code}/{column}"
        hits[0]["amount"] = value
        return rows

    return edit


def row_label(code: str, label: str) -> Callable[[Rows], Rows]:
    def edit(rows: Rows) -> Rows:
        hits = [row for row in rows if row["code"] == code]
        assert hits, f"no row {code}"
        for row in hits:
            row["row_label"] = label
        return rows

    return edit


def narrative(item: str, old: str, new: str, value: str | None = None) -> Callable[[Rows], Rows]:
    """An edit of the narrative: in the quote of ``item`` (and every quote with the same text),
    ``old`` becomes ``new``; the item's value becomes ``value`` when given."""

    def edit(rows: Rows) -> Rows:
        hits = [row for row in rows if row["item"] == item]
        assert len(hits) == 1 and old in hits[0]["quote"], f"{item}: {old!r} not in its quote"
        quote = hits[0]["quote"]
        for row in rows:
            if row["quote"] == quote:
                row["quote"] = quote.replace(old, new)
        if value is not None:
            hits[0]["value"] = value
        return rows

    return edit


def read_problem(problem: str, detail: str) -> str:
    return f"insert into read_problems values ('{{document}}', 3, 'p3 表格1', '{problem}', '{detail}', 'x')"


# The faults the audit must find in the Shanghai document as published (its README's list):
# items 1, 4, 5, 8 and 9; items 2, 3, 6 and 7 are within the rounding of the printed parts
# (docs/audit.md says why). The PDF adds what only its text shows: its table of contents names
# part 十一 "其他重要事项说明", its heading "其他重要事项的情况说明" (D15, a warning).
SHANGHAI_RULES = {
    "X01-03": "326.71",  # 1: 01 prints 社会保障和就业支出 326.71, 03 326.72
    "X04-05": "326.71",  # 1: 04 prints 326.71, 05 326.72
    "D20": "0.3万元",  # 4: 财政拨款收入支出总计0.3万元 (04: 2961.68)
    "D21": "71.73%",  # 5: 2106.66 / 2940.05 is 71.65%, printed 71.73%
    "D23": "100.07",  # 5: the four shares add up to 100.07%
    "D29": "个人农业生产补贴",  # 8: listed among 人员经费 although 06 prints it blank
    "D28": "完成预算的0%",  # 9: a completion rate of a blank budget (因公出国, 公务用车)
}

PDF_ONLY_RULES = {"D15": "十一、其他重要事项说明"}

CASES = [
    Case("sh_original"),
    Case(
        "sh_cell",
        added={"T05-01", "T05-02"},
        tables={"t05": cell("t05", "2010607", "项目支出", "136.25")},
        pointing_at="t05.csv",
    ),
    Case(
        "sh_budget_word",
        added={"D26"},
        narrative=narrative("item_2010602_final", "基本持平", "大于"),
        pointing_at="决算数与预算数大于",
    ),
    Case(
        "sh_yoy_rate",
        added={"D25"},
        narrative=narrative("total_yoy_pct", "下降1.87%", "下降1.97%", value="-1.97"),
        pointing_at="下降1.97%",
    ),
    Case(
        "sh_yoy_word",
        added={"D25", "D26"},
        narrative=narrative("total_yoy_change", "减少56.95万元", "增加56.95万元"),
        pointing_at="增加56.95万元",
    ),
    Case(
        "sh_narrative_amount",
        added={"D20", "D24"},
        narrative=narrative("gp_structure_210_amount", "60.99万元", "60.89万元", value="60.89"),
        pointing_at="60.89",
    ),
    Case(
        "sh_share",
        added={"D21", "D23"},
        narrative=narrative("basic_expenditure_share_pct", "占79.49%", "占79.59%", value="79.59"),
        pointing_at="79.59",
    ),
    Case(
        "sh_completion_rate",
        added={"D22"},
        narrative=narrative("gp_budget_completion_rate", "98.20%", "97.20%", value="97.20"),
        pointing_at="97.20",
    ),
    Case(
        "sh_subject_name",
        added={"D27"},
        tables={"t05": row_label("2010607", "信息化建设支出")},
        pointing_at="t05.csv",
    ),
    Case("sh_table_removed", added={"D10"}, drop_tables=("t07",)),
    Case(
        "sh_year",
        added={"D13"},
        landing_sql=[
            "update texts set text = replace(text, '支出决算表', '2023年度支出决算表') "
            "where document_id = '{document}' and kind in ('table_title', 'toc_entry') and text like '三、%'"
        ],
        pointing_at="2023年度支出决算表",
    ),
    Case(
        "sh_placeholder",
        added={"D14"},
        landing_sql=[
            "update texts set text = replace(text, '2024年度', '202 年度') "
            "where document_id = '{document}' and kind = 'title'"
        ],
        pointing_at="202 年度",
    ),
    Case(
        "sh_toc",
        added={"D15"},
        landing_sql=[
            "update texts set text = replace(text, '收入决算表', '收入决算明细表') "
            "where document_id = '{document}' and kind = 'toc_entry'"
        ],
        pointing_at="收入决算明细表",
    ),
    Case(
        "sh_order",
        added={"D11"},
        landing_sql=[
            "update tables set position = case table_no when '02' then 3 when '03' then 2 else position end "
            "where document_id = '{document}'"
        ],
    ),
    Case(
        "sh_empty_without_note",
        added={"D12"},
        landing_sql=[
            "update tables set empty_statement = null where document_id = '{document}' and table_no = '08'"
        ],
    ),
    Case(
        "sh_read_problems",
        added={"D01", "D02", "D03", "D04", "D09"},
        landing_sql=[
            read_problem("no_text_layer", "第3页无文字层"),
            read_problem("not_a_number", "金额无法识别"),
            read_problem("unknown_row", "行标题不在格式中"),
            read_problem("unknown_profile", "无法识别公开格式"),
            read_problem("something_new", "新的读取问题"),
        ],
    ),
]


def land_cases(cases: list[Case], root: Path, documents: tuple[Path, ...] = ()) -> tuple[Path, list[str]]:
    """Every case as a folder under ``root`` and the other ``documents`` (e.g. the PDF), all
    landed into ``root/landing`` (one landing, one document each); the cases' documents are
    completed as the module's doc says. Returns the landing and the other documents' ids."""
    from juesuan.audit.landing import land_documents

    folders = [copy_case(case, root / "documents") for case in cases]
    landing = root / "landing"
    summaries = land_documents([*folders, *documents], landing)
    ids = [summary.document_id for summary in summaries]
    assert sorted(ids[: len(cases)]) == sorted(case.name for case in cases)
    complete_landing(landing, cases)
    return landing, ids[len(cases) :]
