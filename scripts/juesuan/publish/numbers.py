"""How numbers are printed: the one 元 → 万元 conversion on the Python side, and the percent rule.

Amounts arrive in 元 (exact ``Decimal``). ``to_wan`` mirrors the dbt macro ``to_wan``: 万元 rounded
half up from the amount's own 元 total. Percentages arrive from ``rpt_narrative_facts`` exact
from 元 and truncated to four decimals, so rounding them here once is exact (DECISIONLOG.md §11):

- shares, completion and execution rates, changes below 100%: one decimal, half up, a trailing
  ``.0`` dropped (``91%``, ``148.5%``, ``100%``);
- a year-on-year change of 100% or more: whole percent (``753%``);
- a change from nothing to something: ``100%`` (the convention the published text follows);
- a ratio whose base is 0: ``0%`` (the published text's ``完成预算的0%`` for an empty budget).

A profile whose documents print two decimals throughout (shanghai-2024) uses ``wan_fixed`` and
``percent_fixed`` instead (its narrative template says which).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

WAN = Decimal("0.0001")


def to_wan(amount_yuan: Decimal | int | None, places: int = 2) -> Decimal:
    """元 → 万元, rounded half up (away from zero) to ``places`` decimals."""
    amount = Decimal(amount_yuan or 0)
    return (amount * WAN).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def plain(number: Decimal) -> str:
    """A decimal without trailing zeros and without exponent: 10.20 → '10.2', 38.00 → '38'."""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def wan(amount_yuan: Decimal | int | None, places: int = 2) -> str:
    """Narrative form of an amount: 万元 to ``places`` decimals, trailing zeros dropped."""
    return plain(to_wan(amount_yuan, places))


def wan_cell(amount_yuan: Decimal | int | None) -> str:
    """Table form: 万元 with two decimals and thousands separators (``#,##0.00``)."""
    return f"{to_wan(amount_yuan):,.2f}"


def percent(value: Decimal | None) -> str:
    """A share or rate: one decimal, half up, trailing .0 dropped; 0 when undefined."""
    if value is None:
        return "0"
    return plain(abs(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def wan_fixed(amount_yuan: Decimal | int | None) -> str:
    """Narrative form where the profile prints two decimals always (shanghai-2024: 10.00万元)."""
    return f"{to_wan(amount_yuan):.2f}"


def percent_fixed(value: Decimal | None) -> str:
    """A share, rate or change to two decimals, half up (shanghai-2024: 99.79%, 100.00%); ``0`` for
    nothing or an undefined ratio (the document's 完成预算的0%)."""
    if value is None or value == 0:
        return "0"
    return f"{abs(value).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"


def growth(change_percent: Decimal | None, change_yuan: Decimal | None) -> str:
    """A year-on-year change rate (absolute value): whole percent from 100% up, else as ``percent``."""
    if change_percent is None:
        return "100" if change_yuan else "0"
    size = abs(change_percent)
    if size >= 100:
        return plain(size.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return percent(size)
