"""The 2024 report PDF against GB/T 9704-2012, measured with pdfplumber on the built site.

Expected values come from the standard (A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm,
3号 = 16 pt, 22 × 28, page number 4号 7 mm below the 版心) and from the report's Markdown.
"""

from __future__ import annotations

import re

import pdfplumber
import pytest
import yaml

from conftest import ROOT, cjk
from pdf_layout import PT, Line, is_subsequence, is_wide, own_name, page_lines, pdf_text

A4 = (210, 297)
TOP, BINDING, TEXT_W, TEXT_H = 37, 28, 156, 225
FORE_EDGE = A4[0] - BINDING - TEXT_W  # 26 mm
BODY_PT, NUMBER_PT = 16, 14
CHAR = TEXT_W / 28  # one 字 of the grid, mm
TOL = 1.0  # mm, as GB/T 9704 5.2.1 allows
#: GB/T 15834 行首禁则: marks that may not begin a line.
NO_LINE_START = set("，。、；：？！）》」』”’…")
#: 行尾禁则: marks that may not end a line.
NO_LINE_END = set("（《「『“‘")
SOURCE = ROOT / "docs" / "reports" / "2024.md"

pytestmark = pytest.mark.build


def _source():
    text = SOURCE.read_text("utf-8")
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front), body


@pytest.fixture(scope="module")
def report(built_site):
    with pdfplumber.open(built_site / "pdf" / "reports" / "2024.pdf") as pdf:
        pages = [(page.width * PT, page.height * PT, page_lines(page, i)) for i, page in enumerate(pdf.pages, 1)]
        text = pdf_text(pdf)
    return pages, text


def _left(page: int) -> float:
    """The 版心's left edge: the 订口 is on the left of odd pages, on the right of even pages."""
    return BINDING if page % 2 else FORE_EDGE


def _body(pages) -> list[Line]:
    """Text lines inside the 版心 (page numbers excluded), in order over all pages."""
    return [line for _, _, lines in pages for line in lines if line.bottom <= TOP + TEXT_H + TOL]


def _paragraph_lines(pages) -> list[Line]:
    """Body lines between 主送机关 and 署名 (title, addressee and signature excluded)."""
    meta, _ = _source()
    lines = _body(pages)
    start = next(i for i, line in enumerate(lines) if line.plain.startswith(meta["主送机关"])) + 1
    end = next(i for i, line in enumerate(lines) if line.plain == meta["署名"])
    return lines[start:end]


def test_pages_are_a4(report):
    pages, _ = report
    assert len(pages) >= 2
    for width, height, _ in pages:
        assert abs(width - A4[0]) < TOL and abs(height - A4[1]) < TOL


def test_body_is_16pt_and_inside_the_text_block(report):
    pages, _ = report
    for line in _paragraph_lines(pages):
        assert line.size == {BODY_PT}, (line.page, line.text)
        left = _left(line.page)
        assert line.x0 > left - TOL and _ink_end(line) < left + TEXT_W + TOL, (line.page, line.text)


def _ink_end(line: Line) -> float:
    """Where a line's last character ends on the page: a closing mark at the line end may be
    set half-width (its glyph draws in the left half of its em box), so half a slot earlier."""
    last = line.visible[-1]
    halved = last["text"] in CLOSING_HALVABLE and line.x1 > _left(line.page) + TEXT_W + TOL
    return last["x0"] * PT + CHAR / 2 if halved else line.x1


def test_margins_top_and_sides(report):
    """First line box at 天头 37 mm; lines start at the 版心's left edge (订口 alternates)."""
    pages, _ = report
    for number, (_, _, lines) in enumerate(pages, 1):
        body = [line for line in lines if line.bottom <= TOP + TEXT_H + TOL]
        # The 16 pt glyphs sit in the middle of their line box (half-leading above and below).
        text = [line for line in body if line.size == {BODY_PT}]
        pitch = text[2].top - text[1].top
        box_top = text[0].top - (pitch - BODY_PT * PT) / 2
        # Every line is on the 22-line grid from the 天头 (page 1: below the title and the blank line).
        rows = (box_top - TOP) / pitch
        assert abs(box_top - (TOP + round(rows) * pitch)) < TOL, (number, box_top)
        assert round(rows) == (0 if number > 1 else len(body) - len(text) + 1), (number, rows)
        flush = [line for line in body if abs(line.x0 - _left(number)) < TOL]
        assert flush, f"page {number}: no line starts at the 版心 edge {_left(number)} mm"


def test_22_lines_on_every_full_page(report):
    pages, _ = report
    for number, (_, _, lines) in enumerate(pages[1:-1], 2):
        body = [line for line in lines if line.bottom <= TOP + TEXT_H + TOL]
        assert len(body) == 22, (number, len(body))
        assert body[-1].bottom <= TOP + TEXT_H + TOL


#: Marks a face may set half-width (clreq 标点挤压): closing marks in the left half of their
#: 字, opening marks in the right half.
CLOSING_HALVABLE = set("，。、；：）》〉」』”’〕】")
HALVABLE = CLOSING_HALVABLE | set("（《〈「『“‘〔【")


def slots(line: Line, left: float) -> tuple[float, list[float]]:
    """A line's fill in grid slots (its indent plus each character's advance, read from where
    the next one starts; the last one a half slot where it is a mark set half-width at the
    line end, else a full one) and those advances."""
    xs = [c["x0"] * PT for c in line.visible]
    last = 0.5 if line.visible[-1]["text"] in CLOSING_HALVABLE and xs[-1] + CHAR > left + TEXT_W + 0.5 else 1
    advances = [(b - a) / CHAR for a, b in zip(xs, xs[1:])] + [last]
    return round((xs[0] - left) / CHAR) + sum(advances), advances


def test_full_lines_fill_the_text_block_with_28_characters(report):
    """Every line that is not the last of its paragraph reaches the 版心's right edge and no
    further; an all-CJK one is filled by its characters to 28 slots: each character takes a
    slot, a compressed mark half of one (clreq: adjacent marks, or a mark halved at the line
    end to pull a character back, 推入), never more (that would be spreading).

    Spreading stays the last resort where a line has too few marks to take a character back;
    in the 2024 report that is so only where the pushed mark ends a run-in heading (a text
    box of its own, which the face's rules cannot see past): at most 3 lines.
    """
    pages, _ = report
    lines = _paragraph_lines(pages)
    spread, checked = [], 0
    for line, following in zip(lines, lines[1:]):
        if abs(following.x0 - _left(following.page)) > TOL:
            continue  # the last line of a paragraph (the next one is indented)
        left = _left(line.page)
        assert line.x0 >= left - TOL and abs(_ink_end(line) - (left + TEXT_W)) < 0.5, (line.page, line.text)
        glyphs = [c["text"] for c in line.visible]
        if not all(is_wide(ch) for ch in glyphs):
            continue
        checked += 1
        filled, advances = slots(line, left)
        # spreading shares a line's slack over all its gaps: 1/27 slot each for one character
        if max(advances) > 1.01:
            spread.append(line.plain)
            continue
        assert abs(filled - 28) < 0.1, (line.page, line.plain, filled)
        for ch, advance in zip(glyphs, advances):
            # 0.03: where a run-in heading's face meets the body's, break-space widths round differently
            assert abs(advance - 1) < 0.03 or (ch in HALVABLE and abs(advance - 0.5) < 0.03), (line.plain, ch, advance)
    assert checked > 40 and len(spread) <= 3, spread


def test_page_numbers(report):
    """7.5: “— N —”, 4号 宋体, 7 mm below the 版心; odd pages right, even pages left, 空一字."""
    pages, _ = report
    for number, (_, _, lines) in enumerate(pages, 1):
        below = [line for line in lines if line.top > TOP + TEXT_H]
        assert len(below) == 1, number
        folio = below[0]
        assert folio.plain == f"—{number}—"
        assert folio.size == {NUMBER_PT}
        assert folio.fonts == {own_name("songti")}
        assert abs(folio.top - (TOP + TEXT_H + 7)) < TOL, (number, folio.top)
        one_char = NUMBER_PT * PT
        if number % 2:
            assert abs(folio.x1 - (BINDING + TEXT_W - one_char)) < TOL, (number, folio.x1)
        else:
            assert abs(folio.x0 - (FORE_EDGE + one_char)) < TOL, (number, folio.x0)


def test_title_and_addressee(report):
    meta, _ = _source()
    pages, _ = report
    first = pages[0][2]
    title_lines = [line for line in first if line.size == {22}]
    assert "".join(line.text for line in title_lines).replace(" ", "") == meta["title"]
    assert all(line.fonts == {own_name("xiaobiaosong")} for line in title_lines)
    for line in title_lines:  # centred in the 版心
        assert abs((line.x0 + line.x1) / 2 - (BINDING + TEXT_W / 2)) < TOL
    addressee = next(line for line in first if line.plain.startswith(meta["主送机关"]))
    assert addressee.plain.endswith("：") and abs(addressee.x0 - BINDING) < TOL


def test_heading_faces(report):
    """一、 黑体; run-in （一） 楷体 followed by 仿宋 body on the same line."""
    _, body = _source()
    pages, _ = report
    lines = _paragraph_lines(pages)
    level1 = [h.strip() for h in re.findall(r"^## (.+)$", body, re.M)]
    level2 = [h.strip() for h in re.findall(r"^### (.+)$", body, re.M)]
    for heading in level1:
        line = next(line for line in lines if heading[:10] in line.plain)
        assert line.fonts == {own_name("heiti")}, (heading, line.fonts)
    for heading in level2:
        i = next(i for i, line in enumerate(lines) if cjk(heading)[:8] in cjk(line.plain))
        chars = [c for line in lines[i:i + 3] for c in line.visible]
        text = "".join(c["text"] for c in chars)
        start = text.index(heading[:8]) - 3  # the number （一） before it
        end = start + 3 + len(heading)
        assert text[start:end] == text[start:start + 3] + heading
        assert {c["fontname"].split("+")[-1] for c in chars[start:end]} == {own_name("kaiti")}, heading
        # run-in: the body follows on the same line, in 仿宋
        if end < len(chars) and abs(chars[end]["top"] - chars[end - 1]["top"]) < 1:
            assert chars[end]["fontname"].split("+")[-1] == own_name("fangsong"), heading


def test_signature_7_3_5_2(report):
    """署名 one blank line under the text, 成文日期 below it starting 2 字 further right;
    the longer of the two ends 2 字 from the right edge."""
    meta, _ = _source()
    pages, _ = report
    lines = _body(pages)
    i = next(i for i, line in enumerate(lines) if line.plain == meta["署名"])
    signer, date = lines[i], lines[i + 1]
    assert date.plain == meta["成文日期"]
    right = _left(signer.page) + TEXT_W
    assert abs(date.x0 - signer.x0 - 2 * CHAR) < TOL
    assert abs(max(signer.x1, date.x1) - (right - 2 * CHAR)) < TOL
    pitch = date.top - signer.top
    assert abs(signer.top - lines[i - 1].top - 2 * pitch) < TOL  # 空一行


def test_every_source_character_in_order(report):
    """Nothing lost, nothing reordered: the source's CJK text is in the PDF in order, and the
    PDF adds only the heading numbers (一二三…)."""
    meta, body = _source()
    _, text = report
    source = cjk(meta["title"] + meta["主送机关"] + body + meta["署名"] + meta["成文日期"])
    printed = cjk(text)
    ok, matched = is_subsequence(source, printed)
    assert ok, f"lost or reordered after: {source[max(0, matched - 20):matched + 5]}"
    headings = re.findall(r"^#{2,3} ", body, re.M)  # fewer than 11 per level: one numeral each
    assert len(printed) - len(source) == len(headings)
