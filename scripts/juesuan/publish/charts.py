"""The document's charts (matplotlib, PNG at a fixed size and dpi, CJK font from the system).

Every number drawn is a warehouse fact in 元 converted once by ``numbers.to_wan``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib import pyplot as plt

from juesuan.publish import numbers
from juesuan.publish.data import Disclosure

# The CJK fonts the project's set-up installs (Debian fonts-wqy-microhei, or fonts-noto-cjk).
CJK_FONTS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP"]
DPI = 150
COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#bf9000"]


def cjk_font() -> str:
    """The first installed CJK font family, or an error naming the package to install."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    font_manager.fontManager.__init__()  # fonts installed after matplotlib built its cache
    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    raise RuntimeError("no CJK font installed: run `make system-deps` (Debian fonts-wqy-microhei)")


def _style() -> None:
    plt.rcParams.update(
        {
            "font.family": [cjk_font()],
            "axes.unicode_minus": False,
            "svg.hashsalt": "juesuan",
            "figure.dpi": DPI,
        }
    )


def _save(figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI, metadata={"Software": None})
    plt.close(figure)
    return path


def class_structure(disclosure: Disclosure, path: Path) -> Path:
    """Horizontal bars: 一般公共预算财政拨款支出 by 功能分类 类, 万元 and share."""
    _style()
    classes = disclosure.members("general_budget_by_class")
    labels = [fact.member_label for fact in classes][::-1]
    values = [float(numbers.to_wan(fact.amount_yuan)) for fact in classes][::-1]
    figure, axes = plt.subplots(figsize=(7, 0.5 * max(len(classes), 2) + 1.2))
    bars = axes.barh(labels, values, color=COLOURS[0])
    for bar, fact in zip(bars, classes[::-1], strict=True):
        axes.annotate(
            f"{numbers.wan(fact.amount_yuan)}（{numbers.percent(fact.percent_of_base)}%）",
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    axes.set_xlabel("万元")
    axes.set_title(f"{disclosure.fiscal_year}年度一般公共预算财政拨款支出结构（按功能分类）")
    axes.set_xlim(0, max([*values, 1]) * 1.35)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, path)


def basic_and_project(disclosure: Disclosure, path: Path) -> Path:
    """Pie: 基本支出 vs 项目支出 (and any other spending type with an amount)."""
    _style()
    parts = [fact for fact in disclosure.members("expenditure_by_type") if fact.amount_yuan]
    figure, axes = plt.subplots(figsize=(5.5, 4))
    if parts:
        axes.pie(
            [float(numbers.to_wan(fact.amount_yuan)) for fact in parts],
            labels=[
                f"{fact.member_label}\n{numbers.wan(fact.amount_yuan)}万元（{numbers.percent(fact.percent_of_base)}%）"
                for fact in parts
            ],
            colors=COLOURS[: len(parts)],
            startangle=90,
            counterclock=False,
            wedgeprops={"width": 0.45, "edgecolor": "white"},
            textprops={"fontsize": 9},
        )
    axes.set_title(f"{disclosure.fiscal_year}年度基本支出与项目支出")
    axes.axis("equal")
    return _save(figure, path)


def year_on_year(disclosure: Disclosure, path: Path) -> Path:
    """Grouped bars: this year against last year for the totals the narrative compares."""
    _style()
    rows = [
        ("收支总计", disclosure.fact("total_income_expenditure")),
        ("基本支出", disclosure.fact("expenditure_by_type", "basic")),
        ("项目支出", disclosure.fact("expenditure_by_type", "project")),
        ("机关运行经费", disclosure.fact("office_running_cost")),
    ]
    year = disclosure.fiscal_year
    figure, axes = plt.subplots(figsize=(7, 3.8))
    positions = range(len(rows))
    prior = [float(numbers.to_wan(fact.prior_year_yuan)) for _, fact in rows]
    current = [float(numbers.to_wan(fact.amount_yuan)) for _, fact in rows]
    axes.bar([p - 0.2 for p in positions], prior, width=0.4, label=f"{year - 1}年", color=COLOURS[5])
    bars = axes.bar([p + 0.2 for p in positions], current, width=0.4, label=f"{year}年", color=COLOURS[1])
    for bar, (_, fact) in zip(bars, rows, strict=True):
        axes.annotate(
            numbers.wan(fact.amount_yuan),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    axes.set_xticks(list(positions), [label for label, _ in rows])
    axes.set_ylabel("万元")
    axes.set_title(f"{year}年与{year - 1}年决算对比")
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, path)


CHARTS = {
    "year_on_year": (year_on_year, "收支总计等与上年对比"),
    "basic_and_project": (basic_and_project, "基本支出与项目支出"),
    "class_structure": (class_structure, "一般公共预算财政拨款支出结构（按功能分类类级）"),
}


def draw_all(disclosure: Disclosure, folder: Path) -> dict[str, Path]:
    """Every chart the department's profile prints (rpt_narrative_outline, part ``chart``) as
    ``folder/<name>.png``."""
    names = [row["part_key"] for row in disclosure.parts("chart")]
    return {name: CHARTS[name][0](disclosure, folder / f"{name}.png") for name in names}
