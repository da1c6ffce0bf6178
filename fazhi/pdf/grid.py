"""Two-edge justification of Chinese text for WeasyPrint, by stretchable break points.

WeasyPrint justifies a line only by widening its spaces (U+0020, U+00A0); Chinese has none,
so its lines stay ragged. Here a space is put at every point where a Chinese line may break
(between two characters, obeying the 行首/行尾禁则 of GB/T 15834: no break before a closing
mark such as ，。）, none after an opening mark such as （《“, none inside —— or ……).
print.css gives those spaces a word-spacing that cancels their width, so an unjustified
line looks exactly as before, while `text-align: justify` spreads a short line's slack over
them: the line then fills the 版心 from edge to edge, as GB/T 9704 5.2.3 asks (撑满版心).

Spaces already in the source (e.g. after 第一条) must stay visible, so they are wrapped in
`span.fz-gap`, which print.css sizes normally. No character of the source is changed: text
extraction of the PDF gives the source characters plus these spaces.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import html as lhtml

BREAK = " "
#: Cannot start a line (GB/T 15834 行首禁则).
CLOSING = set("，。、；：？！）》〉」』”’〕】］｝…·％‰～")
#: Cannot end a line (行尾禁则).
OPENING = set("（《〈「『“‘〔【［｛")
#: Block elements whose text is laid out in lines; their inline content is processed.
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "div", "blockquote", "figcaption"}
#: Elements whose text must stay as it is.
SKIP = {"pre", "code", "script", "style", "svg", "math"}
SKIP_CLASSES = {"fz-no-grid", "fz-title", "fz-signature"}
_WS = re.compile(r"(\s+)")


def is_wide(ch: str) -> bool:
    """Characters that sit on the Chinese grid (ideographs, full-width forms, CJK marks)."""
    return unicodedata.east_asian_width(ch) in "WF" or ch in "“”‘’—…·"


def may_break(before: str, after: str) -> bool:
    """True where a Chinese line may break between `before` and `after`."""
    if not before or before.isspace() or after.isspace():
        return False
    if not (is_wide(before) or is_wide(after)):
        return False  # Latin words and numbers stay whole
    if after in CLOSING or before in OPENING:
        return False
    return not (before == after and before in "—…")


def spaced(text: str, previous: str) -> tuple[str, str]:
    """`text` with break spaces inserted; returns it and its last character."""
    out = []
    for ch in text:
        if may_break(previous, ch):
            out.append(BREAK)
        out.append(ch)
        previous = ch
    return "".join(out), previous


def _skipped(el) -> bool:
    classes = set((el.get("class") or "").split())
    return el.tag in SKIP or bool(classes & SKIP_CLASSES)


def _gap_spans(root) -> None:
    """Wrap the source's own whitespace runs in span.fz-gap so they keep their width."""
    for node in list(root.iter()):
        if not isinstance(node.tag, str) or _skipped(node) or node.get("class") == "fz-gap":
            continue
        if node.text and node.text.strip() and _WS.search(node.text):
            head, *rest = _WS.split(node.text)
            node.text = head
            _insert_gaps(node, 0, rest)
        if node is not root and node.tail and node.tail.strip() and _WS.search(node.tail):
            head, *rest = _WS.split(node.tail)
            node.tail = head
            parent = node.getparent()
            _insert_gaps(parent, parent.index(node) + 1, rest)


def _insert_gaps(parent, index: int, rest: list[str]) -> None:
    """`rest` alternates whitespace and text: each whitespace becomes a gap span."""
    for i in range(0, len(rest), 2):
        gap = lhtml.Element("span", {"class": "fz-gap"})
        gap.text, gap.tail = rest[i], rest[i + 1]
        parent.insert(index + i // 2, gap)


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LABEL = "data-fz-label"


def justify(root) -> None:
    """Insert break spaces in every laid-out text under `root` (an lxml element), in place.

    Headings keep their text as it was in `data-fz-label`, which print.css uses for PDF
    bookmarks and running heads (they must not show the break spaces).
    """
    for heading in root.iter(*HEADINGS):
        heading.set(LABEL, " ".join(heading.text_content().split()))
    _gap_spans(root)
    _walk(root, "")


def _walk(el, previous: str) -> str:
    if not isinstance(el.tag, str) or _skipped(el):
        return previous
    if el.tag in BLOCKS:
        previous = ""
    if el.get("class") == "fz-gap":
        previous = ""
    elif el.text:
        el.text, previous = spaced(el.text, previous)
    for child in el:
        previous = _walk(child, previous)
        if child.tail:
            child.tail, previous = spaced(child.tail, "" if child.get("class") == "fz-gap" else previous)
    return "" if el.tag in BLOCKS else previous
