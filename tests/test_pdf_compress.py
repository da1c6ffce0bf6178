"""Punctuation compression (clreq 标点挤压) in the report PDF, one paragraph per case, each
written so that its first line (2 字 indent + 26 slots) ends where the case happens.

Measured in the PDF with pdfplumber: a character's advance is where the next one starts.
"""

from __future__ import annotations

import pdfplumber
import pytest

from fazhi.pdf import html as print_html
from fazhi.pdf.render import Renderer, source_date
from pdf_layout import PT, page_lines
from test_pdf_report import BINDING, CHAR, TEXT_W

TEN = "甲乙丙丁戊己庚辛壬癸"
CASES = {
    # adjacent marks: 。” 》《 （“ each take 1.5 slots
    "pairs": "他说：“我们要依法办事。”随后引用《中华人民共和国宪法》《中华人民共和国民法典》（“民法典”）等规定。",
    # 26 characters fill the first line; the 、 after them may not start the next line:
    # it is halved at the line end and the ， before it halved too (推入), nothing is pushed down
    "pause": TEN + "，" + TEN + "子丑寅卯卵" + "、" + TEN + "。",
    # a closing quotation and a full stop after the 25th slot: ” halved beside 。, 。 halved at the line end
    "quote": "东南西北" + TEN[4:] + "，" + TEN + "子丑寅" + "辰”。" + TEN + "。",
    # half-width digits: two digits take one slot
    "digits": "二〇二四年即2024年，" + TEN + TEN + TEN + "。",
}


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> dict[str, list]:
    """First two lines of each case's paragraph in the rendered PDF."""
    tmp = tmp_path_factory.mktemp("compress")
    paragraphs = "".join(f"<p>{text}</p>" for text in CASES.values())
    body = f'<h1 class="fz-title">测试</h1><p class="fz-addressee">县政府：</p><div class="fz-body">{paragraphs}</div>'
    info = print_html.DocInfo("测试", "东辽县民政局", source_date({}))
    target = Renderer(tmp / "cache").render(print_html.report_html(body, info), tmp / "r.pdf")
    with pdfplumber.open(target) as pdf:
        all_lines = [line for i, page in enumerate(pdf.pages, 1) for line in page_lines(page, i)]
    out = {}
    for name, text in CASES.items():
        start = next(i for i, line in enumerate(all_lines) if text.startswith(line.plain[:6]))
        out[name] = all_lines[start:start + 2]
    return out


def _advances(line) -> dict[int, float]:
    xs = [c["x0"] * PT for c in line.visible]
    return {i: (b - a) / CHAR for i, (a, b) in enumerate(zip(xs, xs[1:]))}


def _advance_of(line, text: str, k: int = 0) -> float:
    """Advance of the k-th character of `text` where `text` occurs in the line."""
    return _advances(line)[line.plain.index(text) + k]


def test_adjacent_marks_take_a_slot_and_a_half(lines):
    text = "".join(line.plain for line in lines["pairs"])
    first, second = lines["pairs"]
    assert text.startswith(CASES["pairs"][:len(text)])
    # a halved opening mark is drawn half a slot early: the mark before it shows the half
    for pair, k in (("。”", 0), ("》《", 0), ("（“", 0)):
        line = first if pair in first.plain else second
        if pair in line.plain and line.plain.index(pair) + 2 < len(line.plain):
            # the pair's halved mark; the other one may be halved too, to pull a character back
            assert abs(_advance_of(line, pair, k) - 0.5) < 0.05, pair
            assert _advance_of(line, pair) + _advance_of(line, pair, 1) < 1.55, pair
    full = [a for i, a in _advances(first).items() if first.plain[i] not in "：，“”。》《（）"]
    assert all(abs(a - 1) < 0.05 for a in full)  # nothing else moved off the grid


@pytest.mark.parametrize("case, end", [("pause", "、"), ("quote", "”。")])
def test_mark_that_may_not_start_a_line_is_pulled_back(lines, case, end):
    """推入: the first line takes the mark (and the character before it) instead of pushing
    that character down; it is not spread: every advance is a full or a half slot, and the
    line ends at the 版心's edge."""
    first, second = lines[case]
    assert first.plain.endswith(end), first.plain
    assert second.plain[0] not in "、，。”", second.plain
    advances = _advances(first)
    assert all(abs(a - 1) < 0.05 or abs(a - 0.5) < 0.05 for a in advances.values()), advances
    halves = [first.plain[i] for i, a in advances.items() if abs(a - 0.5) < 0.05]
    assert set(halves) <= set("，、”。")
    last = first.visible[-1]["x0"] * PT
    assert abs(last + CHAR / 2 - (BINDING + TEXT_W)) < 0.3  # the halved mark ends the line


def test_half_width_digits_keep_their_width(lines):
    first, _ = lines["digits"]
    i = first.plain.index("2024")
    xs = [c["x0"] * PT for c in first.visible]
    assert abs(xs[i + 4] - xs[i] - 2 * CHAR) < 0.3  # four digits, two slots
    assert abs(xs[i + 5] - xs[i + 4] - CHAR) < 0.05  # 年 back on the grid
