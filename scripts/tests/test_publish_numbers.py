"""The printing rules: 元 → 万元 once, and the percent rule of DECISIONLOG.md §11."""

from decimal import Decimal

import duckdb
import pytest
from publish_support import warehouse

from juesuan.publish import numbers


@pytest.mark.parametrize(
    ("yuan", "places", "expected"),
    [
        ("1698430.00", 2, "169.84"),
        ("102000.00", 2, "10.2"),
        ("380000.00", 2, "38"),
        ("0.00", 2, "0"),
        ("1047.00", 2, "0.1"),
        ("49.99", 2, "0"),
        ("50.00", 2, "0.01"),
        ("-21560.00", 2, "-2.16"),
        ("197220.00", 4, "19.722"),
        ("224536.00", 4, "22.4536"),
    ],
)
def test_wan_rounds_half_up_and_drops_trailing_zeros(yuan, places, expected):
    assert numbers.wan(Decimal(yuan), places) == expected


def test_python_to_wan_agrees_with_the_dbt_macro_on_every_cell():
    with duckdb.connect(str(warehouse()), read_only=True) as connection:
        cells = connection.execute(
            "select amount_yuan, amount_wan from disclosure.rpt_disclosure_cells"
        ).fetchall()
    assert cells
    assert [numbers.to_wan(yuan) for yuan, _ in cells] == [wan for _, wan in cells]


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (Decimal("66.7834"), "66.8"),
        (Decimal("91.0121"), "91"),
        (Decimal("100.0000"), "100"),
        (Decimal("148.4631"), "148.5"),
        (Decimal("62.4500"), "62.5"),
        (Decimal("62.4499"), "62.4"),
        (Decimal("-8.3275"), "8.3"),
        (None, "0"),
    ],
)
def test_percent_one_decimal_half_up(percent, expected):
    assert numbers.percent(percent) == expected


@pytest.mark.parametrize(
    ("change_percent", "change_yuan", "expected"),
    [
        (Decimal("753.0537"), Decimal("1499330.00"), "753"),
        (Decimal("152.4999"), Decimal("1"), "152"),
        (Decimal("99.9499"), Decimal("1"), "99.9"),
        (Decimal("-45.0666"), Decimal("-1"), "45.1"),
        (None, Decimal("1286.00"), "100"),
        (None, Decimal("0.00"), "0"),
    ],
)
def test_growth_whole_percent_from_100(change_percent, change_yuan, expected):
    assert numbers.growth(change_percent, change_yuan) == expected


def test_warehouse_percentages_are_exact_truncations():
    """percent_of_base = amount / base × 100 truncated to 4 decimals, checked in Python's Decimal."""
    with duckdb.connect(str(warehouse()), read_only=True) as connection:
        rows = connection.execute(
            "select amount_yuan, base_yuan, percent_of_base from disclosure.rpt_narrative_facts where percent_of_base is not null"
        ).fetchall()
    assert rows
    for amount, base, percent in rows:
        exact = amount * 100 / base
        assert abs(exact - percent) < Decimal("0.0001")
        assert abs(percent) <= abs(exact)
