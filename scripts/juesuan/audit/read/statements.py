"""Numbers of the 情况说明 as statements: item keys, subjects, units and comparison words.

The vocabulary of item keys is the seed ``ref_document_statement_patterns.csv`` (one row per
key, with the pattern the text readers find it by); the comparison words and their direction
are ``ref_document_comparison_words.csv``.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from juesuan.audit.read.layout import read_seed

# An item of the transcription's narrative.csv with a code in it: the code moves to subject_code
# (gp_structure_201_amount → gp_structure_amount + 201; item_2010601_budget → item_budget + 2010601).
CODED_ITEM = re.compile(r"^(?P<head>[a-z_]*?)_?(?P<code>\d{3,7})_(?P<tail>[a-z_]+)$")


def split_item(item: str) -> tuple[str, str | None]:
    """(item_key, subject_code) of a narrative item name."""
    match = CODED_ITEM.match(item)
    if not match:
        return item, None
    head, tail = match["head"], match["tail"]
    return (f"{head}_{tail}" if head else tail), match["code"]


@functools.cache
def comparison_words() -> list[str]:
    """Longest first, so 基本持平 wins over 持平."""
    return sorted((row["word"] for row in read_seed("ref_document_comparison_words")), key=len, reverse=True)


def comparison_word(sentence: str, value_text: str | None) -> str | None:
    """The comparison word that goes with a number in ``sentence`` (its first occurrence); a
    sentence with no number (…总计持平) gives its own word."""
    if not value_text or value_text not in sentence:
        found = re.search(_word_pattern(), sentence)
        return found.group(0) if found else None
    at = sentence.index(value_text)
    return comparison_word_at(sentence, at, at + len(value_text))


def _word_pattern() -> str:
    return "|".join(map(re.escape, comparison_words()))


def comparison_word_at(text: str, start: int, end: int) -> str | None:
    """The comparison word of the number at text[start:end]: the last one before it in its clause,
    else the first one after it in the clause (…减少56.95万元，下降1.87% → 减少 for 56.95, 下降 for
    1.87), else the verdict of the next sentence when that sentence has no number of its own
    and compares with the budget (…支出决算为10.00万元。决算数与预算数基本持平。)."""
    pattern = _word_pattern()
    clause_start = max(text.rfind(mark, 0, start) for mark in "，,；;。：:") + 1
    before = list(re.finditer(pattern, text[clause_start:start]))
    if before:
        return before[-1].group(0)
    rest = text[end:]
    clause_end = min([i for i in (rest.find(mark) for mark in "，,；;。") if i >= 0] or [len(rest)])
    after = re.search(pattern, rest[:clause_end])
    if after:
        return after.group(0)
    # The verdict on 决算 against 预算 in a later clause without numbers of its own, in this
    # sentence or the next (…完成年初预算的148.5%，决算数大于年初预算数的主要原因是…).
    sentence_end = rest.find("。")
    here = rest if sentence_end < 0 else rest[: sentence_end + 1]
    following = "" if sentence_end < 0 else rest[sentence_end + 1 :].split("。")[0]
    for clause in [*re.split(r"[，,；;]", here)[1:], *re.split(r"[，,；;]", following)]:
        if clause and not re.search(r"\d", clause) and "预算" in clause and "决算" in clause:
            verdict = re.search(pattern, clause)
            if verdict:
                return verdict.group(0)
    return None


def to_decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        return None


def statement(
    document_id: str,
    statement_id: str,
    *,
    item: str | None,
    value_text: str | None,
    unit: str | None,
    sentence: str,
    page: int | None = None,
    part: str | None = None,
    subject_name: str | None = None,
) -> dict:
    """One row of statements.parquet."""
    item_key, subject_code = split_item(item) if item else (None, None)
    value = to_decimal(value_text)
    if value is not None and value < 0:
        # A number is landed as printed; its direction is its comparison word (下降1.87%, not -1.87).
        printed = value_text.lstrip("-−")
        if printed in sentence:
            value, value_text = -value, printed
    return {
        "document_id": document_id,
        "statement_id": statement_id,
        "page": page,
        "part": part,
        "sentence": sentence,
        "item_key": item_key,
        "subject_code": subject_code,
        "subject_name": subject_name,
        "value": value,
        "unit": unit,
        "value_text": value_text,
        "comparison_word": comparison_word(sentence, value_text if value is not None else None),
    }
