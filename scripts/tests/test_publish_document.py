"""The HTML document in headless Chromium through Playwright (tables, charts, no missing glyph)
and the PDF's text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont
from playwright.sync_api import Page, sync_playwright
from publish_support import published
from pypdf import PdfReader

# Debian's Chromium (`make system-deps`), driven by Playwright; Playwright's own browser download
# is never used. Playwright adds --headless and a fresh profile of its own.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
KEY_NUMBERS = [
    "169.84",
    "113.43",
    "56.42",
    "149.93",
    "753%",
    "66.8%",
    "33.2%",
    "94.4%",
    "148.5%",
    "79.1%",
    "20.9%",
    "23.73",
    "8.3%",
    "19.79",
    "6.38",
    "13.41",
]


def document_uri() -> str:
    return (published() / "决算公开.html").as_uri()


@pytest.fixture(scope="module")
def page():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium is not installed: run `make system-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.goto(document_uri(), wait_until="load")
            yield page
        finally:
            browser.close()


def evaluate(page: Page, expression: str):
    return page.evaluate(expression)


def test_the_page_shows_the_nine_tables(page):
    tables = evaluate(
        page,
        "[...document.querySelectorAll('table.disclosure')].map(t => [t.dataset.table, t.rows.length, t.getBoundingClientRect().height])",
    )
    assert [table for table, _, _ in tables] == [f"{number:02d}" for number in range(1, 10)]
    assert all(rows >= 4 and height > 0 for _, rows, height in tables)
    text = evaluate(page, "document.body.innerText")
    for number in KEY_NUMBERS:
        assert number in text


def test_each_header_stands_over_its_column(page):
    """The browser places header cells by their order in the row: 项目 (科目代码, 科目名称) must come
    first, over the code and name columns, and the first amount's header over the amounts."""
    tables = evaluate(
        page,
        """[...document.querySelectorAll('table.disclosure')].map(t => [
            t.dataset.table,
            [...t.tHead.rows].map(r => [...r.cells].map(c => [c.textContent, c.getBoundingClientRect().left])),
            [...t.tBodies[0].rows].at(-1).cells.length,
            [...[...t.tBodies[0].rows].at(-1).cells].map(c => c.getBoundingClientRect().left)])""",
    )
    checked = []
    for table, header_rows, _, body_lefts in tables:
        if table not in ("02", "03", "05", "07", "08"):
            continue
        lefts = {text: left for row in header_rows for text, left in row}
        first_row = [text for text, _ in header_rows[0]]
        assert first_row[0] == "项目", (table, first_row)
        assert lefts["项目"] == lefts["科目代码"] == body_lefts[0], table
        # The last body row is a 类/款/项 row (code, name, amounts) or, in an empty table, 合计
        # across code and name.
        first_amount_left = body_lefts[2] if lefts["科目名称"] == body_lefts[1] else body_lefts[1]
        assert lefts[first_row[1]] == first_amount_left, (table, first_row)
        checked.append(table)
    assert checked == ["02", "03", "05", "07", "08"]


def test_the_charts_are_loaded_images(page):
    images = evaluate(
        page,
        "[...document.images].map(i => [i.getAttribute('src'), i.complete, i.naturalWidth, i.getBoundingClientRect().width])",
    )
    assert len(images) >= 2
    for source, complete, natural_width, shown_width in images:
        assert complete and natural_width > 0 and shown_width > 0, source


def _font_files() -> dict[str, list[Path]]:
    listing = subprocess.run(
        ["fc-list", "--format", "%{family}\t%{file}\n"], capture_output=True, text=True, check=True
    )
    files: dict[str, list[Path]] = {}
    for line in listing.stdout.splitlines():
        families, _, path = line.partition("\t")
        for family in families.split(","):
            files.setdefault(family, []).append(Path(path))
    return files


def _cmap(path: Path) -> set[int]:
    fonts = TTCollection(str(path)).fonts if path.suffix.lower() == ".ttc" else [TTFont(str(path))]
    return {code for font in fonts for code in font.getBestCmap()}


def missing_glyphs(page: Page) -> list[str]:
    """Characters of the page that no font Chromium rendered the page with contains."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = devtools.send(
        "DOM.querySelectorAll",
        {"nodeId": root, "selector": "h1, h2, h3, h4, p, li, th, td, div, figcaption"},
    )["nodeIds"]
    used: set[str] = set()
    for node in nodes:
        for font in devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            used.add(font["familyName"])
    assert used, "Chromium reported no fonts"
    files = _font_files()
    covered: set[int] = set()
    for family in used:
        assert family in files, f"Chromium drew with {family!r}, which fontconfig does not know"
        for path in files[family]:
            covered |= _cmap(path)
    devtools.detach()
    text = evaluate(page, "document.body.innerText")
    return sorted(
        {character for character in text if not character.isspace() and ord(character) not in covered}
    )


def test_every_character_is_drawn_by_a_font_that_has_it(page):
    """Chromium names the fonts it rendered each element's text with; each must hold every glyph."""
    assert missing_glyphs(page) == []


def test_a_missing_glyph_is_caught(page, tmp_path):
    """The check above can fail: a private-use character has no glyph in any installed font."""
    probe = tmp_path / "probe.html"
    probe.write_text(
        '<html><body><p style="font-family: WenQuanYi Micro Hei">决算\ue000</p></body></html>',
        encoding="utf-8",
    )
    page.goto(probe.as_uri(), wait_until="load")
    try:
        assert missing_glyphs(page) == ["\ue000"]
    finally:
        page.goto(document_uri(), wait_until="load")


@pytest.fixture(scope="module")
def pdf_text() -> str:
    reader = PdfReader(published() / "决算公开.pdf")
    assert len(reader.pages) > 10
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_has_the_key_numbers_and_parts(pdf_text):
    flat = pdf_text.replace("\n", "").replace(" ", "")
    for number in KEY_NUMBERS:
        assert number in flat
    for heading in [
        "第三部分",
        "一、收入支出决算总体情况说明",
        "十、关于机关运行经费支出说明",
        "第四部分",
        "名词解释",
        "附件1",
        "公开09表",
    ]:
        assert heading in flat


def test_pdf_embeds_the_cjk_font():
    reader = PdfReader(published() / "决算公开.pdf")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("WenQuanYi" in font or "NotoSansCJK" in font for font in fonts), fonts


def test_charts_draw_every_glyph_and_are_stable(tmp_path):
    """matplotlib warns 'Glyph … missing from font(s)' when the CJK font lacks a character."""
    import warnings

    from publish_support import EXAMPLE, warehouse

    from juesuan.publish import charts, data

    disclosure = data.load(warehouse(), *EXAMPLE)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = charts.draw_all(disclosure, tmp_path / "a")
    assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []
    second = charts.draw_all(disclosure, tmp_path / "b")
    assert len(first) >= 2
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


def test_a_missing_chart_glyph_is_reported(tmp_path):
    """The check above can fail: a private-use character has no glyph in the CJK font."""
    import warnings

    from matplotlib import pyplot as plt

    from juesuan.publish import charts

    charts._style()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure, axes = plt.subplots()
        axes.set_title("决算\ue000")
        figure.savefig(tmp_path / "probe.png")
        plt.close(figure)
    assert any("missing from font" in str(w.message) for w in caught)
