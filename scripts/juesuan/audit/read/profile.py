"""Which disclosure profile a document follows, from what it prints.

- From its tables' titles and order (a PDF, a text layer, a workbook's sheets): each profile's
  ``ref_disclosure_tables`` rows give titles and printed labels (公开01表 / 一、); the profile
  whose labels and titles the document prints, in its order, most of, wins.
- From its row and column labels (the transcription, whose files carry no titles): the profile
  whose layout knows most of the printed labels wins.

A tie or no match leaves the profile unknown (a read problem ``unknown_profile``); a print
variant (shanghai-2024-whole-codes) is told from its base by how the codes are printed, which
only the PDF/workbook readers see (``code_style``).
"""

from __future__ import annotations

import itertools

from juesuan.audit.read.document import normalise_label, strip_ordinal
from juesuan.audit.read.layout import profile_layout, profiles


def _candidates(year: int | None) -> list[str]:
    found = []
    for code, row in profiles().items():
        start = int(row["valid_from_year"]) if row["valid_from_year"] else None
        end = int(row["valid_to_year"]) if row["valid_to_year"] else None
        if year is None or ((start is None or start <= year) and (end is None or year <= end)):
            found.append(code)
    return found


def _best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if ranked[0][1] <= 0:
        return None
    ties = [code for code, score in ranked if score == ranked[0][1]]
    if len(ties) > 1:
        # Print variants share a layout: prefer the profile that is its own layout.
        bases = [code for code in ties if profiles()[code]["layout_profile_code"] == code]
        return bases[0] if len(bases) == 1 else None
    return ranked[0][0]


def detect_from_titles(
    titles: list[str], year: int | None = None, code_style: str | None = None
) -> str | None:
    """``titles``: every table title line as printed, in document order (with its printed
    number if any: 公开01表 收入支出决算总表, 一、收入支出决算总表)."""
    printed = [normalise_label(title) for title in titles]
    scores: dict[str, float] = {}
    for code in _candidates(year):
        layout = profile_layout(code, year)
        expected = layout.in_print_order()
        positions = []
        for table in expected:
            label = normalise_label(table.table_label)
            title = normalise_label(table.table_title)
            hit = next(
                (
                    i
                    for i, text in enumerate(printed)
                    if label in text or (text.startswith(label.split("、")[0] + "、") and title in text)
                ),
                None,
            )
            if hit is None:
                hit = next((i for i, text in enumerate(printed) if title in text), None)
                score = 0.5 if hit is not None else 0
            else:
                score = 1.0
            positions.append((hit, score))
        found = [hit for hit, _ in positions if hit is not None]
        in_order = sum(1 for a, b in itertools.pairwise(found) if a < b)
        scores[code] = sum(score for _, score in positions) + 0.1 * in_order
        if code_style and profiles()[code]["code_style"] == code_style:
            scores[code] += 0.01
    return _best(scores)


def detect_from_labels(tables: dict[str, list[tuple[str, str, str]]], year: int | None = None) -> str | None:
    """``tables``: table_no (by content) → printed (block, row label, column header) triples."""
    scores: dict[str, float] = {}
    for code in _candidates(year):
        layout = profile_layout(code, year)
        score = 0
        for table_no, rows in tables.items():
            table = layout.tables.get(table_no)
            if table is None:
                continue
            labels = {normalise_label(row.row_label) for row in table.rows}
            labels |= {strip_ordinal(label) for label in labels}
            for block, label, header in rows:
                wanted = normalise_label(label)
                if wanted in labels or strip_ordinal(wanted) in labels:
                    score += 1
                if table.column(header.partition("|")[0], header.partition("|")[2] or block):
                    score += 1
        scores[code] = score
    return _best(scores)


def print_variant(profile_code: str, code_style: str | None) -> str:
    """The profile among those sharing ``profile_code``'s layout that prints codes as read
    (shanghai-2024 splits 类/款/项, shanghai-2024-whole-codes prints them whole); the profile itself
    when none or several fit."""
    if not code_style:
        return profile_code
    layout = profiles()[profile_code]["layout_profile_code"]
    fits = [
        code
        for code, row in profiles().items()
        if row["layout_profile_code"] == layout and row["code_style"] == code_style
    ]
    return fits[0] if len(fits) == 1 else profile_code
