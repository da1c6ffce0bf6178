"""What a reader copies or searches in the PDFs is the text as written: every paragraph of the
source comes out of the text layer as one run, with no space the source does not have (the
justification's break points are not characters) and with the spaces it does have.

Checked with three extractors a reader's tools resemble: pdfplumber (pdfminer), pypdf and
poppler's pdftotext.
"""

from __future__ import annotations

import re
import subprocess

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import ROOT

REPORT = ROOT / "docs" / "reports" / "2024.md"
LAW = ROOT / "handbook" / "binzang-guanli-tiaoli.md"
#: A law that cites articles by link (本法第二十二条): a text box of its own within a line.
CITING_LAW = ROOT / "handbook" / "funv-quanyi-baozhang-fa.md"
#: Page furniture between two pages of one paragraph: the page number "— 3 —" (pdftotext
#: may give it without the spaces).
PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")
#: A list item's number, which the law's numbering scheme prints in its own form: "(一)"
#: in the Markdown is printed "（一）".
ITEM_NUMBER = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")


def _paragraphs(source) -> list[str]:
    """The source's paragraphs and headings as written (front matter, comments and the
    Markdown heading marks left out)."""
    text = source.read_text("utf-8").split("\n---", 1)[1]
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text)]
    blocks = [re.sub(r"^#+ ", "", block) for block in blocks if block and not block.startswith("<")]
    return [ITEM_NUMBER.sub("", block) for block in blocks]


def _pages_pdfplumber(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def _pages_pypdf(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _pages_pdftotext(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    return out.split("\f")


EXTRACTORS = {"pdfplumber": _pages_pdfplumber, "pypdf": _pages_pypdf, "pdftotext": _pages_pdftotext}


def _running_text(pages: list[str], header: str = "") -> str:
    """The pages' text as one run: line ends are where the layout wrapped, not characters
    of the text, so lines join without anything between them; page numbers and the
    running header (`header`, on every page but the first) are left out."""
    lines = [line for number, page in enumerate(pages) for line in page.split("\n")
             if not PAGE_NUMBER.match(line) and not (number and header and line.strip() == header)]
    return "".join(lines)


def _missing(paragraphs: list[str], text: str) -> list[str]:
    """Paragraphs not found in `text` as one run. Between two characters only the source's
    own whitespace may appear (or none, where a line wrapped at it)."""
    missing = []
    for paragraph in paragraphs:
        parts = [re.escape(part) for part in paragraph.split()]
        if not re.search(r"\s*".join(parts), text):
            missing.append(paragraph)
    return missing


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_report_text_is_the_source_text(built_site, extractor):
    pages = EXTRACTORS[extractor](built_site / "pdf" / "reports" / "2024.pdf")
    text = _running_text(pages)
    assert "充分利用微信群、转发朋友圈等新媒体开展法治宣传。" in text
    paragraphs = _paragraphs(REPORT)
    assert len(paragraphs) > 20
    missing = _missing(paragraphs, text)
    assert not missing, missing[:3]


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("law", [LAW, CITING_LAW], ids=lambda law: law.stem)
def test_law_text_is_the_source_text(built_site, extractor, law):
    title = re.search(r"^title: (.+)$", law.read_text("utf-8"), re.M).group(1)
    pages = EXTRACTORS[extractor](built_site / "pdf" / "handbook" / f"{law.stem}.pdf")
    text = _running_text(pages, header=title)
    if law == LAW:
        assert "为了加强殡葬管理，推进殡葬改革，促进社会主义精神文明建设，制定本条例。" in text
    paragraphs = _paragraphs(law)
    assert len(paragraphs) > 20
    missing = _missing(paragraphs, text)
    assert not missing, missing[:3]


@pytest.mark.parametrize("extractor", ["pdfplumber", "pypdf"])
def test_source_spaces_stay_in_the_text(built_site, extractor):
    """The space after each article number (第一条 为了…) is the source's: it is kept."""
    pages = EXTRACTORS[extractor](built_site / "pdf" / "handbook" / "binzang-guanli-tiaoli.pdf")
    text = "\n".join(pages)
    articles = re.findall(r"^(第[一二三四五六七八九十]+条)(\s)", LAW.read_text("utf-8"), re.M)
    assert len(articles) == 24
    for number, space in articles:
        assert re.search(re.escape(number) + r"[ \u3000]\S", text), number
