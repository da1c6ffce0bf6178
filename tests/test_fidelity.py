"""Nothing the bureau wrote is lost or reordered: every CJK character of every source (the
reports and every law) appears in the built page text and in the PDF text, in order."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fazhi.law.handbook import NOT_LAWS
from conftest import ROOT, cjk, reading_order
from fazhi.addresses import pdf_path

pytestmark = pytest.mark.build

SOURCES = sorted([*(ROOT / "docs" / "reports").glob("[0-9][0-9][0-9][0-9].md"),
                  *(p for p in (ROOT / "handbook").rglob("*.md") if p.name not in NOT_LAWS)])


def body(path: Path) -> str:
    """The Markdown after the front matter (what the page shows as text), in reading order."""
    text = path.read_text(encoding="utf-8")
    return reading_order(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)


def src_uri(path: Path) -> str:
    """The file's place in the site: reports/2024.md, handbook/xianfa.md."""
    if path.is_relative_to(ROOT / "docs"):
        return path.relative_to(ROOT / "docs").as_posix()
    return "handbook/" + path.relative_to(ROOT / "handbook").as_posix()


class _PageText(HTMLParser):
    """Text inside the page's <article> (Material's content area)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.inside += tag == "article"

    def handle_endtag(self, tag):
        self.inside -= tag == "article"

    def handle_data(self, data):
        if self.inside:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _PageText()
    parser.feed(html)
    return "".join(parser.parts)


def first_loss(source: str, target: str) -> str | None:
    """None when every character of `source` occurs in `target` in order, else where it breaks."""
    position = 0
    for index, char in enumerate(source):
        position = target.find(char, position)
        if position < 0:
            return f"第{index}个字“{char}”之后丢失：…{source[max(0, index - 20):index + 20]}…"
        position += 1
    return None


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_every_character_reaches_the_page(built_site, source):
    uri = src_uri(source)
    html = (built_site / uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert first_loss(cjk(body(source)), cjk(page_text(html))) is None


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_every_character_reaches_the_pdf(built_site, source):
    pdf = built_site / pdf_path(src_uri(source))
    assert pdf.exists(), f"{pdf} 未生成"
    # -raw: the text in the order the PDF draws it. pdftotext's default "reading order" guesses
    # columns from positions and puts an article's first line (its bold number set off) after the
    # page's last line, although the page shows it in place.
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert first_loss(cjk(body(source)), cjk(text)) is None
