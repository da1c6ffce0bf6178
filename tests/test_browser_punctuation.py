"""Punctuation on screen and in the browser's own print (Ctrl+P): adjacent marks compressed
as clreq describes, while copy and paste still give the text as written."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Width of the first occurrence of `pair` in the report's body, in units of the font size.
MEASURE = """pair => {
  const body = document.querySelector('.fz-body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(pair);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + pair.length);
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    return {width: range.getBoundingClientRect().width / size, text: range.toString()};
  }
  return null;
}"""


# On screen the system font stack may draw ” as a narrow proportional glyph, which is never two
# full widths to begin with; 》《 is full width in every CJK face, so it shows the compression.
@pytest.mark.parametrize("media, pair", [("screen", "》《"), ("print", "》《"), ("print", "”、")])
def test_adjacent_marks_take_less_than_two_full_widths(page, site_url, media, pair):
    page.emulate_media(media=media)
    page.goto(site_url + "reports/2024/")
    found = page.evaluate(MEASURE, pair)
    assert found is not None, f"the report has no {pair}"
    assert found["text"] == pair  # the characters themselves are untouched
    assert found["width"] <= 1.6, found  # 2 full widths uncompressed
