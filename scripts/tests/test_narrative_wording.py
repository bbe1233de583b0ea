"""The templates' other branches, on a made-up department: decreases, budgets met exactly,
overspent 机关运行经费, no reasons given, all 三公 categories spent."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.publish import narrative
from juesuan.publish.data import Disclosure, Fact


def fact(key, member="", amount="0", base=None, kind=None, prior="0", label=None, order=1, count=None):
    amount_d = Decimal(amount)
    base_d = Decimal(base) if base is not None else None
    prior_d = Decimal(prior)

    def truncated(numerator, denominator):
        if not denominator:
            return None
        exact = numerator * 100 / denominator
        return exact.quantize(Decimal("0.0001"), rounding="ROUND_DOWN")

    return Fact(
        key,
        member,
        label or member,
        order,
        amount_d,
        kind,
        base_d,
        truncated(amount_d, base_d),
        truncated(amount_d - (base_d or 0), base_d),
        prior_d,
        amount_d - prior_d,
        truncated(amount_d - prior_d, prior_d),
        count,
    )


def central_outline() -> list[dict]:
    """The central-2023 parts and terms, as rpt_narrative_outline gives them (the seed's rows)."""
    seed = Path(__file__).parents[2] / "seeds" / "reference" / "ref_narrative_outline.csv"
    with seed.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["profile_code"] == "central-2023"]
    return [
        {
            **row,
            "part_order": int(row["part_order"]),
            "template_profile_code": "central-2023",
            "parent_key": row["parent_key"] or None,
        }
        for row in rows
    ]


@pytest.fixture(scope="module")
def text() -> str:
    facts = [
        fact("total_income_expenditure", amount="900000.00", prior="1000000.00"),
        fact("appropriation_total", amount="900000.00", prior="900000.00"),
        fact("general_budget_share", amount="900000.00", base="900000.00", kind="whole", prior="1000000.00"),
        fact("income_by_type", "appropriation", "900000.00", "900000.00", "whole", label="财政拨款收入"),
        fact("expenditure_by_type", "basic", "600000.00", "900000.00", "whole", label="基本支出", order=2),
        fact("expenditure_by_type", "project", "300000.00", "900000.00", "whole", label="项目支出", order=3),
        fact("general_budget_by_class", "201", "900000.00", "900000.00", "whole", label="一般公共服务支出"),
        fact("function_budget_total", amount="900000.00", base="900000.00", kind="initial_budget"),
        fact(
            "function_budget",
            "2010301",
            "900000.00",
            "900000.00",
            "initial_budget",
            label="一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）",
        ),
        fact("basic_by_component", "personnel_total", "400000.00", "600000.00", "whole"),
        fact("basic_by_component", "public_total", "200000.00", "600000.00", "whole"),
        fact("sangong", "total", "30000.00", "40000.00", "final_budget", prior="50000.00"),
        fact("sangong", "abroad", "10000.00", "10000.00", "final_budget", prior="20000.00"),
        fact("sangong", "vehicle_purchase", "0.00", "0.00", "final_budget"),
        fact("sangong", "vehicle_operation", "15000.00", "20000.00", "final_budget", prior="15000.00"),
        fact("sangong", "reception", "5000.00", "10000.00", "final_budget", prior="15000.00"),
        fact("sangong_share", "abroad", "10000.00", "30000.00", "whole"),
        fact("sangong_share", "vehicle_subtotal", "15000.00", "30000.00", "whole"),
        fact("sangong_share", "reception", "5000.00", "30000.00", "whole"),
        fact(
            "office_running_cost",
            amount="220000.00",
            base="200000.00",
            kind="initial_budget",
            prior="250000.00",
        ),
        fact("procurement", "total", "100000.00"),
        fact("procurement", "sme", "50000.00", "100000.00", "whole"),
        fact("procurement_by_category", "goods", "100000.00", "100000.00", "whole"),
        fact("procurement_sme_by_category", "goods", "50000.00", "100000.00", "whole"),
        fact("evaluated_projects", amount="300000.00", base="300000.00", kind="whole"),
        fact("count", "abroad_groups", amount="0", count=1),
    ]
    disclosure = Disclosure(
        department_code="D",
        department_name="测试局",
        fiscal_year=2024,
        cells=[],
        tables=[],
        facts={(f.fact_key, f.member_key): f for f in facts},
        units=[],
        paragraphs={"other": ["无。"]},
        outline=central_outline(),
    )
    return narrative.plain_text(narrative.narrative(disclosure))


@pytest.mark.parametrize(
    "expected",
    [
        "2024年度收、支总计90万元。与上年相比，减少10万元，下降10%。",
        "2024年度财政拨款收、支总计90万元，与上年相比，无变化。",
        "年初预算为90万元，支出决算为90万元，完成年初预算的100%，决算数等于年初预算数。",
        "“三公”经费财政拨款支出预算为4万元，支出决算为3万元，完成预算的75%，决算数小于预算数，与上年相比减少2万元，下降40%。",
        "因公出国（境）费支出预算为1万元，支出决算为1万元，完成预算的100%，决算数等于预算数，与上年相比减少1万元，下降50%。",
        "公务用车运行维护费支出预算为2万元，支出决算为1.5万元，完成预算的75%，决算数小于预算数，与上年相比无变化。",
        "机关运行经费支出22万元，比年初预算数增加2万元，增长10%；比上年决算数减少3万元，下降12%。",
        "全年安排因公出国（境）团组1个，累计0人次。",
        "2024年度我单位没有政府性基金收入",
    ],
)
def test_wording(text, expected):
    assert expected in text


def test_no_reason_no_lead_in(text):
    assert "主要是因为" not in text
    assert "主要原因是：（未说明）" not in text
