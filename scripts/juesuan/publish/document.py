"""The HTML document and its PDF, from one Jinja2 template set."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from juesuan.publish import grids, narrative
from juesuan.publish.data import Disclosure


def charts_after(disclosure: Disclosure) -> dict[str, list[str]]:
    """Which charts follow which part of 第三部分, by the part's numeral (一、): the profile's."""
    numerals = {row["part_key"]: row["heading"][:2] for row in disclosure.parts("narrative")}
    after: dict[str, list[str]] = {}
    for chart in disclosure.parts("chart"):
        after.setdefault(numerals[chart["parent_key"]], []).append(chart["part_key"])
    return after


def render_html(disclosure: Disclosure, chart_files: dict[str, Path], html_path: Path) -> Path:
    """Write the document; charts are referenced relative to the HTML file."""
    env = narrative.environment()
    env.tests["amount"] = lambda value: isinstance(value, Decimal)
    env.filters["amount"] = lambda value: f"{value:,.2f}"
    # The document's parts (第一部分 …) and their headings are the profile's; central-2023 has an annex.
    headings = {row["part_key"]: row["heading"] for row in disclosure.parts("document")}
    html = env.get_template("document.html.j2").render(
        d=disclosure,
        headings=headings,
        grids=grids.build_all(disclosure),
        profile=narrative.profile(disclosure, env) if disclosure.has_narrative else [],
        narrative=narrative.narrative(disclosure, env) if disclosure.has_narrative else [],
        glossary=narrative.glossary(disclosure, env) if disclosure.has_narrative else [],
        annex=narrative.annex(disclosure, env) if disclosure.has_narrative and "annex" in headings else [],
        charts={name: path.relative_to(html_path.parent).as_posix() for name, path in chart_files.items()},
        chart_titles={row["part_key"]: row["heading"] for row in disclosure.parts("chart")},
        charts_after=charts_after(disclosure),
    )
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(html, encoding="utf-8")
    return html_path


def render_pdf(html_path: Path, pdf_path: Path) -> Path:
    """The PDF of the HTML document (WeasyPrint embeds the CJK font as a subset)."""
    try:
        import weasyprint  # imported here: loading Pango takes a moment and only this step needs it
    except OSError as error:  # the Debian Pango libraries are missing
        raise RuntimeError(f"WeasyPrint cannot load Pango: run `make system-deps` ({error})") from error

    weasyprint.HTML(filename=str(html_path), base_url=str(html_path.parent)).write_pdf(str(pdf_path))
    return pdf_path
