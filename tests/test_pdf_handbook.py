"""The handbook PDFs built from the bundled law texts: 目录, odd-page starts, bookmarks,
running headers, banners of superseded texts, and every character of every law."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import ROOT, cjk, reading_order
from fazhi.law.handbook import load_handbook
from fazhi.law.structure import parse_law
from pdf_layout import PT, is_subsequence, is_wide, own_name, page_lines

A5 = (148, 210)
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def book():
    return load_handbook(ROOT / "handbook")


@pytest.fixture(scope="module")
def handbook(built_site):
    with pdfplumber.open(built_site / "pdf" / "handbook.pdf") as pdf:
        pages = [page_lines(page, i) for i, page in enumerate(pdf.pages, 1)]
        sizes = [(page.width * PT, page.height * PT) for page in pdf.pages]
    return pages, sizes


def _body_of(law) -> str:
    """The law's Markdown below its front matter (the text the book must carry), in reading order."""
    text = law.src.read_text("utf-8")
    return reading_order(text.split("\n---", 1)[1] if text.startswith("---") else text)


def _shown_title(law) -> str:
    """The title as set on the law's first page: an excerpt's is the code's, marked （节选）."""
    return f"{parse_law(law.src.read_text('utf-8')).title}（节选）" if law.excerpt else law.title


def _start_pages(pages, book) -> dict[str, int]:
    """Page where each law's title is set in the title face (found in the PDF, not the TOC).

    Searched in book order, each after the one before: two versions of a law share a title.
    """
    starts = {}
    after = 0
    for law in book.laws:
        for number, lines in enumerate(pages[after:], after + 1):
            if any(line.plain == _shown_title(law) and own_name("xiaobiaosong") in line.fonts for line in lines):
                starts[law.stem] = after = number
                break
    return starts


def test_a5_pages(handbook):
    _, sizes = handbook
    assert all(abs(w - A5[0]) < 1 and abs(h - A5[1]) < 1 for w, h in sizes)


def test_cover(handbook, book):
    """Title and bureau; the year only from the plugin's pdf.imprint.印制日期 (test_pdf_frontmatter),
    never the build clock's: mkdocs.yml sets none, so the cover has none."""
    pages, _ = handbook
    cover = "".join(line.plain for line in pages[0])
    assert book.title in cover and "东辽县民政局" in cover and not re.search(r"\d{4}年", cover)


def test_toc_numbers_are_the_start_pages_and_starts_are_odd(handbook, book):
    pages, _ = handbook
    starts = _start_pages(pages, book)
    assert set(starts) == {law.stem for law in book.laws}
    toc_page = next(i for i, lines in enumerate(pages) if any(line.plain.replace("　", "") == "目录" for line in lines))
    toc = []  # (title, page) in order: the 目录 runs over pages up to the first law
    for lines in pages[toc_page:min(starts.values()) - 1]:
        for line in lines:
            match = re.fullmatch(r"(.+?)\.{2,}(\d+)", line.plain)
            if match:
                toc.append((match[1], int(match[2])))
    # The 编印说明 (handbook/preface.md) is listed first and printed before the laws.
    assert toc[0][0] == "编印说明" and toc[0][1] < min(starts.values())
    assert toc[1:] == [(law.title, starts[law.stem]) for law in book.laws]
    for law in book.laws:
        assert starts[law.stem] % 2 == 1, f"{law.title} starts on even page {starts[law.stem]}"
        folio = [line.plain for line in pages[starts[law.stem] - 1] if line.top > A5[1] - 17]
        assert folio == [f"—{starts[law.stem]}—"]
    # book order: the categories of handbook.yml, then 历史文本
    assert [starts[law.stem] for law in book.laws] == sorted(starts.values())


def test_bookmarks_per_law_and_chapter(built_site, book):
    outline = PdfReader(built_site / "pdf" / "handbook.pdf").outline
    front = {"目录", "编印说明"}  # the front matter's bookmarks (handbook/preface.md is titled 编印说明)
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert [t for t in titles if t not in front] == [_shown_title(law) for law in book.laws]
    for law, item in zip(book.laws, [i for i in outline if not isinstance(i, list) and i.title not in front]):
        chapters = [text for anchor, text in law.headings if anchor.startswith("zhang-") and "-jie-" not in anchor]
        if chapters:
            index = outline.index(item)
            children = outline[index + 1] if index + 1 < len(outline) and isinstance(outline[index + 1], list) else []
            names = [c.title.replace(" ", "") for c in children if not isinstance(c, list)]
            assert len(names) >= len(chapters), law.title
            for chapter in chapters:
                assert any(cjk(chapter) in cjk(n) for n in names), (law.title, chapter)


def test_bookmarks_nest_chapters_under_their_bian(built_site, book):
    outline = PdfReader(built_site / "pdf" / "handbook.pdf").outline
    law = next(law for law in book.laws if law.stem == "minfadian-hunyin-jiating-bian")
    item = next(i for i in outline if not isinstance(i, list) and i.title == _shown_title(law))
    children = outline[outline.index(item) + 1]
    assert [c.title for c in children if not isinstance(c, list)] == ["婚姻家庭编"]
    chapters = [c.title.replace(" ", "").replace("\u2002", "") for c in children[1] if not isinstance(c, list)]
    assert chapters == ["第一章一般规定", "第二章结婚", "第三章家庭关系", "第四章离婚", "第五章收养"]


def test_every_law_complete_in_order_with_running_header(handbook, book):
    pages, _ = handbook
    starts = _start_pages(pages, book)
    order = sorted(starts.values()) + [len(pages) + 1]
    for law in book.laws:
        first = starts[law.stem]
        last = order[order.index(first) + 1] - 1
        text = "".join(line.plain for lines in pages[first - 1:last] for line in lines)
        ok, matched = is_subsequence(cjk(_body_of(law)), cjk(text))
        assert ok, f"{law.title}: lost or reordered after {cjk(_body_of(law))[max(0, matched - 15):matched + 3]}"
        for number in range(first + 1, last + 1):
            lines = pages[number - 1]
            if len(lines) > 2:  # a page of text (not a blank page before the next law)
                assert lines[0].plain == _shown_title(law), (law.title, number)
        if law.superseded:
            assert "历史文本" in "".join(line.plain for line in pages[first - 1])


def test_single_law_pdfs(built_site, book):
    for law in book.laws:
        path = built_site / "pdf" / "handbook" / f"{law.stem}.pdf"
        with pdfplumber.open(path) as pdf:
            first = "".join(line.plain for line in page_lines(pdf.pages[0], 1))
            assert _shown_title(law) in first
            assert abs(pdf.pages[0].width * PT - A5[0]) < 1
            text = "".join(line.plain for i, p in enumerate(pdf.pages, 1) for line in page_lines(p, i))
        assert is_subsequence(cjk(_body_of(law)), cjk(text))[0], law.title


#: The A5 text block: 31 字 of 10.5 pt from the 订口 (18.6 mm, left on odd pages).
BODY_PT, INNER, TEXT_W = 10.5, 18.6, 114.85
#: Closing marks: the ones 推入 halves to take a pushed character back (opening marks it leaves).
CLOSING = set("，。、；：）》〉」』”’〕】")


def test_lines_are_spread_only_as_the_last_resort(handbook):
    """Every full line of the laws' text ends at the text block's edge; an all-CJK one is
    spread (a gap wider than its characters) only when its closing marks still set full width
    could not have made room for the pushed character (推入 before 推出): halving two of them
    frees a whole 字, one frees half. A mark already halved (》 in 》。) has nothing more to give.
    Such spreading is rare."""
    pages, _ = handbook
    em = BODY_PT * PT
    full = spread = 0
    missed = []  # spread although two full-width closing marks could have made room
    for number, lines in enumerate(pages, 1):
        left = INNER if number % 2 else A5[0] - INNER - TEXT_W
        for line in lines:
            glyphs = [c["text"] for c in line.visible]
            if line.size != {BODY_PT} or ".." in line.plain or not all(is_wide(ch) for ch in glyphs):
                continue
            xs = [c["x0"] * PT for c in line.visible]
            ends_at_edge = abs(xs[-1] + em - (left + TEXT_W)) < 0.5 or abs(xs[-1] + em / 2 - (left + TEXT_W)) < 0.5
            if not ends_at_edge:
                continue  # a paragraph's last line, a heading, the 目录
            full += 1
            chars = line.chars  # with the source's own spaces (第一条 为了: a 字 wide, not spreading)
            gaps = [b["x0"] * PT - a["x0"] * PT for a, b in zip(chars, chars[1:])
                    if not a["text"].isspace() and not b["text"].isspace()]
            if max(gaps) > em * 1.01:  # spreading shares the slack: ~1/30 字 per gap for one 字
                spread += 1
                ends = [*xs[1:], left + TEXT_W]  # each glyph's advance: to the next one, or to the edge
                full_width = [g for g, x, end in zip(glyphs, xs, ends) if g in CLOSING and end - x > 0.8 * em]
                if len(full_width) >= 2:
                    missed.append((number, line.plain))
    assert full > 1000 and spread / full < 0.03, (spread, full)
    print(f"{full} full lines, {spread} spread, {len(missed)} of them with room: {missed}")
    assert len(missed) / full < 0.002, missed
