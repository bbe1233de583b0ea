"""The 情况说明 of a document's text (PDF or text layer) → statements, one row per number.

- The part: from the heading 第X部分 …情况说明 to the next 第X部分 (the table of contents
  excluded); its top-level headings (一、…说明) are each statement's ``part``; a heading or a
  numbered item (1、…) starts a new paragraph; lines inside a paragraph are soft-wrapped and
  joined.
- A number is a statement when a unit follows it (万元, %, 个, 辆, 台（套）, 分 …); years
  (2024年度), dates and item numbers (1、) are not.
- Its item key: the first row of ``ref_document_statement_patterns`` (in pattern_order) whose
  part pattern matches the part, whose lead pattern matches the text since the previous number of
  the sentence (or the sentence start), whose ``after_item`` is the previous number's key and
  whose ``subject`` condition holds; none → item_key NULL (the number is still landed).
  ``unit = text`` rows match whole sentences without a number (…总计持平, 无政府性基金…).
- Its subject: the last 类/款/项 chain printed before it in the paragraph (一般公共服务支出（类）
  财政事务（款）行政运行（项）), resolved to a code by name through the year's
  ``ref_function_subjects``; subject_name is the chain's last name as printed.
"""

from __future__ import annotations

import functools
import re

from juesuan.audit.read import statements as build
from juesuan.audit.read.document import Document
from juesuan.audit.read.layout import read_seed

PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUB_HEADING = re.compile(r"^（[一二三四五六七八九十]+）")
ITEM = re.compile(r"^\d{1,2}(、|[.．](?!\d))")
UNITS = [
    "万元",
    "亿元",
    "元",
    "%",
    "％",
    "个百分点",
    "个",
    "辆",
    "台（套）",
    "台(套)",
    "台套",
    "台",
    "套",
    "分",
    "人",
    "次",
    "家",
    "项",
]
NUMBER = re.compile(
    r"(?<![\d.,])(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>"
    + "|".join(map(re.escape, UNITS))
    + r")"
)
# A name may hold a parenthesis of its own: 政府办公厅（室）及相关机构事务（款）.
CHAIN_PART = re.compile(
    r"(?P<name>(?:[^\s，。；：、（）“”\d]|（[^类款项（）]{1,4}）)+?)（(?P<level>类|款|项)）"
)


@functools.cache
def patterns() -> list[dict]:
    rows = read_seed("ref_document_statement_patterns")
    return sorted(rows, key=lambda row: int(row["pattern_order"]))


@functools.cache
def function_codes(year: int | None) -> dict[tuple[str | None, str], str]:
    """(parent code, name) → code for the year's 支出功能分类 (the latest year when unknown)."""
    rows = read_seed("ref_function_subjects")
    years = sorted({int(row["fiscal_year"]) for row in rows})
    chosen = year if year in years else years[-1]
    return {
        (row["parent_code"] or None, row["name"]): row["code"]
        for row in rows
        if int(row["fiscal_year"]) == chosen
    }


def resolve_chain(chain: list[str], year: int | None) -> str | None:
    codes = function_codes(year)
    parent = None
    for name in chain:
        # 一般公共服务（类）: the official name ends in 支出.
        found = codes.get((parent, name)) or codes.get((parent, f"{name}支出"))
        if found is None:
            return None
        parent = found
    return parent


def paragraphs(lines: list[tuple[int | None, str]]) -> list[tuple[str | None, int | None, str]]:
    """(part heading, first page, joined text) of each paragraph of the 情况说明."""
    found: list[tuple[str | None, int | None, str]] = []
    inside = False
    annex = False
    part = None
    current: list[str] = []
    page_of = None

    def close():
        nonlocal current
        if current:
            found.append((part, page_of, "".join(current)))
        current = []

    pending = False
    for page, line in lines:
        text = re.sub(r"\s+", "", line)
        if PART_HEADING.match(text):
            close()
            part = None
            # …决算情况说明 (sometimes wrapped before 说明), the 附件 (performance self-report);
            # a bare 第三部分 takes its name from the next line.
            inside = bool(re.search(r"情况|附件", text))
            pending = PART_HEADING.fullmatch(text) is not None
            annex = "附件" in text
            continue
        if pending:
            pending = False
            inside = bool(re.search(r"情况|附件", text))
            annex = "附件" in text
            if inside:
                continue
        if not inside:
            continue
        if text == "说明" and not current and part is None:
            continue  # the heading's own wrap (…决算情况 / 说明)
        if TOP_HEADING.match(text) and "。" not in text and len(text) <= 40:
            close()
            part = f"附件：{text}" if annex else text
            continue
        if SUB_HEADING.match(text) and len(text) <= 40 and text.count("。") <= 1 and not NUMBER.search(text):
            close()
            continue
        if ITEM.match(text):
            close()
        if not current:
            page_of = page
        current.append(text)
    close()
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer("。", text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _chains(text: str) -> list[tuple[int, list[str]]]:
    """(end offset, names) of each 类/款/项 chain."""
    chains: list[tuple[int, list[str]]] = []
    for match in CHAIN_PART.finditer(text):
        if chains and chains[-1][0] == match.start():
            chains[-1] = (match.end(), [*chains[-1][1], match["name"]])
        else:
            chains.append((match.end(), [match["name"]]))
    return chains


MONEY = {"万元", "元", "亿元"}


def _unit_fits(pattern_unit: str, unit: str) -> bool:
    """A 万元 pattern takes any money unit (a number printed in 元 where 万元 is meant is a fault
    the checks report, not a different item); other units must be the same."""
    return unit in MONEY if pattern_unit in MONEY else pattern_unit == unit


def _match(part: str | None, lead: str, previous: str | None, has_subject: bool, unit: str) -> dict | None:
    for row in patterns():
        if row["unit"] == "text" or not _unit_fits(row["unit"], unit):
            continue
        if row["part_pattern"] and not re.search(row["part_pattern"], part or ""):
            continue
        if row["after_item"] and row["after_item"] != previous:
            continue
        if (row["subject"] == "yes" and not has_subject) or (row["subject"] == "no" and has_subject):
            continue
        if re.search(row["lead_pattern"], lead):
            return row
    return None


def land_statements(document: Document, lines: list[tuple[int | None, str]]) -> None:
    count = 0
    for part, page, text in paragraphs(lines):
        chains = _chains(text)
        previous_key = None  # the previous number's key, across the sentences of the paragraph
        for start, end in _sentences(text):
            sentence = text[start:end]
            previous_end = start
            numbers = list(NUMBER.finditer(text, start, end))
            numbers = [
                n for n in numbers if not re.match(r"[年月日、]", text[n.end("value") : n.end("value") + 1])
            ]
            if not numbers:
                for row in patterns():
                    if row["unit"] != "text" or (
                        row["part_pattern"] and not re.search(row["part_pattern"], part or "")
                    ):
                        continue
                    found = re.search(row["lead_pattern"], sentence)
                    if found:
                        count += 1
                        word = found.groupdict().get("word") or found.group(0)
                        entry = build.statement(
                            document.document_id,
                            f"s{count}",
                            item=row["item_key"],
                            value_text=None,
                            unit="text",
                            sentence=sentence,
                            page=page,
                            part=part,
                        )
                        entry["value_text"] = word
                        document.statements.append(entry)
                        break
                continue
            for number in numbers:
                lead = text[previous_end : number.start()]
                chain = next(
                    (names for chain_end, names in reversed(chains) if chain_end <= number.start()), None
                )
                row = _match(part, lead, previous_key, chain is not None, _unit(number["unit"]))
                count += 1
                value_text = number["value"]
                entry = build.statement(
                    document.document_id,
                    f"s{count}",
                    item=row["item_key"] if row else None,
                    value_text=value_text.replace(",", ""),
                    unit=_unit(number["unit"]),
                    sentence=sentence,
                    page=page,
                    part=part,
                    subject_name=chain[-1] if chain and row and row["subject"] == "yes" else None,
                )
                entry["value_text"] = value_text
                if chain and row and row["subject"] == "yes":
                    entry["subject_code"] = resolve_chain(chain, document.fiscal_year)
                entry["comparison_word"] = build.comparison_word_at(text, number.start(), number.end())
                document.statements.append(entry)
                previous_key = row["item_key"] if row else None
                previous_end = number.end()


def _unit(unit: str) -> str:
    return {"％": "%", "台(套)": "台（套）", "台套": "台（套）"}.get(unit, unit)


ANNEX_HEADER = re.compile(r"^(?P<name>.+?)\s*[(（](?P<unit>人|万元|元|个|辆)[)）]$")


def land_annex_tables(document: Document, lines: list[tuple[int | None, str]]) -> None:
    """The 附件's small data tables of a text layer (绩效评价基础数据表: 财政供养人员情况(人) 编制数 …,
    经费控制情况(万元) 2023 年预算数 … / 三公经费 0 0.2 0.1286): each number under a named column
    is a statement when a pattern names it (others are scores and rates, not statements), keyed by
    the same patterns as prose, its lead the row's label and the column's name with the years made
    relative (三公经费2023年预算数 → 三公经费本年预算数), its unit the header's, part
    ``附件：<the table's title>``."""
    inside = False
    title = None
    header: list[str] | None = None
    unit = None
    category = ""
    count = len(document.statements)
    for page, line in lines:
        text = re.sub(r"\s+", "", line)
        if PART_HEADING.match(text):
            inside = "附件" in text or (PART_HEADING.fullmatch(text) is not None and inside)
            continue
        if not inside:
            continue
        if "\t" not in line:
            header = None
            if text and len(text) <= 40 and not re.match(r"^(附件|说明|填)", text):
                title = text
            continue
        cells = [re.sub(r"\s+", "", cell) for cell in line.split("\t")]
        found = ANNEX_HEADER.match(cells[0])
        if found and any(cell and not NUMBER_ONLY.match(cell) for cell in cells[1:]):
            header, unit, category = cells, found["unit"], found["name"]
            continue
        if header is None:
            continue
        label = cells[0] or category
        for index, cell in enumerate(cells[1:], start=1):
            name = header[index] if index < len(header) else ""
            if not name or not NUMBER_ONLY.match(cell):
                continue
            lead = _relative_years(f"{label}{name}", document.fiscal_year)
            part = f"附件：{title}" if title else "附件"
            row = _match(part, lead, None, False, unit)
            if row is None:
                continue  # a table cell no pattern names (scores, rates …): not a statement
            count += 1
            entry = build.statement(
                document.document_id,
                f"s{count}",
                item=row["item_key"] if row else None,
                value_text=cell,
                unit=unit,
                sentence=line.replace("\t", " ").strip(),
                page=page,
                part=part,
            )
            entry["sentence"] = f"{label} {name} {cell}（{unit}）"
            entry["comparison_word"] = None
            document.statements.append(entry)


NUMBER_ONLY = re.compile(r"^\d+(\.\d+)?$")


def _relative_years(text: str, year: int | None) -> str:
    """2023年预算数 → 本年预算数, 2022年决算数 → 上年决算数 (relative to the reporting year), so one
    pattern serves every year."""
    if year is None:
        return text
    return re.sub(r"(\d{4})年", lambda m: {year: "本年", year - 1: "上年"}.get(int(m[1]), m[0]), text)
