"""The performance annex (附件) and the profile: figures from the ledger where the published annex
contradicts the tables (DOMAIN.md, known faults), the department's own scores where it is theirs."""

from __future__ import annotations

import re

import pytest
from publish_support import EXAMPLE, published, warehouse

from juesuan.publish import data, narrative

# The published annex's own words (reference document, 第五部分), for the differences shown below.
PUBLISHED_ANNEX = {
    "spending": "2023 年支出 169.84 万元，其中基本支出 140.23 万元，项目支出 29.61 万元。",
    "staff": "本部门共有在职员工7人，其中编制人数7人。",
    "p1_rate": "98.61%",
}


@pytest.fixture(scope="module")
def disclosure():
    return data.load(warehouse(), *EXAMPLE)


@pytest.fixture(scope="module")
def annex_text(disclosure) -> str:
    return narrative.plain_text(narrative.annex(disclosure))


@pytest.fixture(scope="module")
def html() -> str:
    return (published() / "决算公开.html").read_text(encoding="utf-8")


def test_spending_split_follows_the_tables_not_the_annex(annex_text):
    """Known fault: the annex says 基本支出 140.23 / 项目支出 29.61; 03 and 05 say 113.43 / 56.42."""
    assert "140.23" in PUBLISHED_ANNEX["spending"]
    assert "2023年支出169.84万元，其中基本支出113.43万元，项目支出56.42万元。" in annex_text
    assert "140.23" not in annex_text


def test_staff_counts_come_from_one_seed(annex_text):
    """Known fault: 7 staff in the report text, 8 (编制 11) in 附件1; the seed says 8 and 11, used everywhere."""
    assert "7人" in PUBLISHED_ANNEX["staff"]
    assert "本部门共有在职员工8人，其中编制人数11人。" in annex_text


def test_project_execution_from_the_ledger(annex_text):
    """执行率 = 全年执行数 / 全年预算数: 197,220 / 200,000 and 98,880 / 180,000, one decimal."""
    assert "实际支出19.722万元，执行率98.6%" in annex_text
    assert "实际支出9.888万元，执行率54.9%" in annex_text
    assert PUBLISHED_ANNEX["p1_rate"] == "98.61%"  # the published annex prints two decimals


def test_annex1_sangong_budget_is_the_initial_budget(html):
    """附件1 prints the 年初预算 (2,000.00 元 = 0.2万) where 09 and the narrative print the 全年预算 (0.13)."""
    row = re.search(r"<tr><td>三公经费</td>(.*?)</tr>", html).group(1)
    assert re.findall(r'class="amount">([^<]*)<', row) == ["0", "0.2", "0.1286"]


def test_annex1_figures_to_the_yuan(html):
    expected = {
        "公用经费": ["0", "25.89", "22.4536"],
        "其中：办公经费": ["1.287", "16.16", "3.396"],
        "政府采购金额": ["15.72", "28.8", "19.788"],
    }
    for label, values in expected.items():
        row = re.search(rf"<tr><td>{label}</td>(.*?)</tr>", html).group(1)
        assert re.findall(r'class="amount">([^<]*)<', row) == values, label


def test_self_evaluation_scores_are_the_departments(html):
    assert "附件2" in html and "附件3-1" in html and "附件3-2" in html
    assert html.count('<th colspan="5">总分</th><td colspan="2">95.4</td>') == 1
    assert "94.4%" in html


def test_profile_lists_the_units_summed(disclosure):
    text = narrative.plain_text(narrative.profile(disclosure))
    assert "（七）完成工委、管委交办的其他任务。" in text
    assert (
        "单位构成包括：株洲高新技术产业开发区大数据资源局本级和株洲高新技术产业开发区数据运用中心。" in text
    )


def test_a_year_without_the_departments_words_gets_its_tables_only(tmp_path):
    """No narrative seeds for 2022: the workbook, and a document of the tables alone (no 情况说明,
    no charts, no part that would need the department's words)."""
    from juesuan.publish import cli

    written = cli.publish(warehouse(), tmp_path, department=EXAMPLE[0], year=2022, pdf=False)
    assert [path.name for path in written] == ["决算公开.xlsx", "决算公开.html"]
    html = written[1].read_text(encoding="utf-8")
    assert "第二部分 部门决算表" in html and html.count('class="disclosure"') == 9
    assert "第三部分" not in html and "<img" not in html
