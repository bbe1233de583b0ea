"""Render the document's text parts from Jinja2 templates: 概况, 决算情况说明, 名词解释, annex."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import jinja2

from juesuan.publish import numbers
from juesuan.publish.data import Disclosure, Fact

TEMPLATES = Path(__file__).with_name("templates")


def _growth(fact: Fact) -> str:
    return numbers.growth(fact.change_percent, fact.change_yuan)


def _class_name(label: str) -> str:
    """'一般公共服务支出' → '一般公共服务' (the narrative writes '一般公共服务（类）支出')."""
    return label.removesuffix("支出")


CN_DIGITS = "零一二三四五六七八九"


def cn_number(number: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 21 → 二十一 (headings up to 99)."""
    tens, units = divmod(number, 10)
    if tens == 0:
        return CN_DIGITS[units]
    return f"{CN_DIGITS[tens] if tens > 1 else ''}十{CN_DIGITS[units] if units else ''}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(
        wan=numbers.wan,
        wan_cell=numbers.wan_cell,
        wan2=numbers.wan_fixed,
        pct=numbers.percent,
        pct2=numbers.percent_fixed,
        growth=_growth,
        class_name=_class_name,
        cn_number=cn_number,
        plain=lambda value: numbers.plain(Decimal(value)),
    )
    return env


@dataclass
class Part:
    """A part of the text: its heading and its sub-parts or paragraphs, in order."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)


def parse(text: str) -> list[Part]:
    """'## ' lines open a part, '### ' lines a sub-part; every other non-empty line is a paragraph."""
    parts: list[Part] = []
    current: Part | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            parts.append(Part(line[3:]))
            current = parts[-1]
        elif line.startswith("### "):
            if not parts:
                parts.append(Part(""))
            parts[-1].children.append(Part(line[4:]))
            current = parts[-1].children[-1]
        else:
            if current is None:
                parts.append(Part(""))
                current = parts[-1]
            current.paragraphs.append(line)
    return parts


def render_text(
    disclosure: Disclosure, template: str, env: jinja2.Environment | None = None, **context: str
) -> str:
    return (env or environment()).get_template(template).render(d=disclosure, **context)


def plain_text(parts: list[Part]) -> str:
    """The parts as plain text, headings on their own lines (what the tests compare)."""
    lines: list[str] = []
    for part in parts:
        if part.heading:
            lines.append(part.heading)
        lines += part.paragraphs
        lines += plain_text(part.children).splitlines()
    return "\n".join(lines)


def profile(disclosure: Disclosure, env: jinja2.Environment | None = None) -> list[Part]:
    """第一部分 概况: the profile's parts (rpt_narrative_outline), worded by its template."""
    return parse(render_text(disclosure, "parts.txt.j2", env, document_part="profile"))


def glossary(disclosure: Disclosure, env: jinja2.Environment | None = None) -> list[Part]:
    """第四部分 名词解释: the profile's terms (rpt_narrative_outline), numbered in order."""
    terms = disclosure.parts("glossary")
    return [
        Part(
            "",
            [
                f"{cn_number(number)}、{term['heading']}：{term['body_text']}"
                for number, term in enumerate(terms, 1)
            ],
        )
    ]


def annex(disclosure: Disclosure, env: jinja2.Environment | None = None) -> list[Part]:
    """第五部分 附件: the performance self-evaluation report's text."""
    return parse(render_text(disclosure, "annex.txt.j2", env))


def narrative(disclosure: Disclosure, env: jinja2.Environment | None = None) -> list[Part]:
    """第三部分 决算情况说明: the profile's parts and headings (rpt_narrative_outline), each worded
    by the macro of its part_key in the profile's template (templates/narrative/<profile>.txt.j2)."""
    return parse(render_text(disclosure, "parts.txt.j2", env, document_part="narrative"))
