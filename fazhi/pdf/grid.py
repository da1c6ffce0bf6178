"""Two-edge justification of Chinese text for WeasyPrint, by stretchable break points.

WeasyPrint justifies a line only by widening its spaces (U+0020, U+00A0); Chinese has none,
so its lines stay ragged. Here a space is put at every point where a Chinese line may break
(between two characters, obeying the 行首/行尾禁则 of GB/T 15834: no break before a closing
mark such as ，。）, none after an opening mark such as （《“, none inside —— or ……),
and a no-break space where such a mark forbids the break (STRETCH). print.css gives those
spaces a word-spacing that cancels their width, so an unjustified line looks exactly as
before, while `text-align: justify` spreads a short line's slack over them: the line then
fills the 版心 from edge to edge, as GB/T 9704 5.2.3 asks (撑满版心).

The break spaces must not reach the PDF's text layer (copy and search give the text as
written). The processed element gets class `fz-grid`, in which print.css turns on a font
feature that draws U+0020 and U+00A0 with a break glyph of its own (fonts.py); textlayer.py
turns every break glyph into plain displacement when render.py writes the PDF. Spaces already in the source (e.g. after 第一条) must
stay, visible and in the text layer: each whitespace run is wrapped in `span.fz-gap` with
the character before it (after it where none is at hand), where the feature is off and
the width normal. WeasyPrint draws no text box of whitespace alone, hence the character;
and ending the span with the space keeps text extractors that guess word spaces from gaps
between text boxes from adding a second one.
No character of the source is changed, dropped or moved to another order.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import html as lhtml

from fazhi import contract
from fazhi.pdf import halfwidth
from fazhi.pdf.halfwidth import TIGHT

BREAK = " "
#: Where 禁则 forbid a break (before ，。 after “《), a no-break space still takes its share
#: of a line's slack: spread over every gap, it stays below the gap text extractors read
#: as a word space (0.1 em) even on a line that lost two characters to 推出.
STRETCH = "\u00a0"
#: Cannot start a line (GB/T 15834 行首禁则).
CLOSING = set("，。、；：？！）》〉」』”’〕】］｝…·％‰～")
#: Cannot end a line (行尾禁则).
OPENING = set("（《〈「『“‘〔【［｛")
#: Block elements whose text is laid out in lines; their inline content is processed.
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "div", "blockquote", "figcaption"}
#: Elements whose text must stay as it is.
SKIP = {"pre", "code", "script", "style", "svg", "math"}
SKIP_CLASSES = {"fz-no-grid", contract.TITLE, contract.SIGNATURE}
#: Numbers (一、 第一条) are labels set solid: the slack goes to the text after them. Text
#: extractors also read the widened gaps of a short run as a word space where it ends.
SOLID_CLASSES = contract.SOLID_CLASSES
#: Marks the faces halve when two touch (halfwidth.py).
MARKS = set(halfwidth.CLOSING) | set(halfwidth.OPENING)
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


def may_stretch(before: str, after: str) -> bool:
    """True where a line may be widened between `before` and `after` without breaking it
    there: next to a Chinese character, but not inside a word, a number, —— or ……, nor
    between two marks (。” （“: the face halves one of them only when they touch, halfwidth.py)."""
    if not before or before.isspace() or after.isspace():
        return False
    if before in MARKS and after in MARKS:
        return False
    return (is_wide(before) or is_wide(after)) and not (before == after and before in "—…")


def break_space(before: str, after: str) -> str:
    """The break space between `before` and `after`: TIGHT between a closing and an opening
    mark (》《 ，“), so that the face halves the closing one (halfwidth.py), else BREAK."""
    return TIGHT if before in halfwidth.CLOSING and after in halfwidth.OPENING else BREAK


def spaced(text: str, previous: str) -> tuple[str, str]:
    """`text` with break spaces (and no-break stretch spaces) inserted; returns it and its
    last character."""
    out = []
    for ch in text:
        if may_break(previous, ch):
            out.append(break_space(previous, ch))
        elif may_stretch(previous, ch):
            out.append(STRETCH)
        out.append(ch)
        previous = ch
    return "".join(out), previous


def _skipped(el) -> bool:
    classes = set((el.get("class") or "").split())
    return el.tag in SKIP or bool(classes & SKIP_CLASSES)


def _gap_spans(root) -> None:
    """Wrap the source's own whitespace runs in span.fz-gap so they keep their width and
    stay in the PDF's text layer (see the module docstring)."""
    for node in list(root.iter()):
        if not isinstance(node.tag, str) or node.get("class") == "fz-gap" or _in_skipped(node):
            continue
        if not _skipped(node) and node.text and node.text.strip() and _WS.search(node.text):
            node.text = _insert_gaps(node, 0, _WS.split(node.text))
        if node is not root and node.tail and node.tail.strip() and _WS.search(node.tail):
            pieces = _WS.split(node.tail)
            if not pieces[0] and _gap_at_end(node, pieces[1]):
                pieces = pieces[2:]
            parent = node.getparent()
            node.tail = _insert_gaps(parent, parent.index(node) + 1, pieces)


def _in_skipped(node) -> bool:
    return any(_skipped(el) for el in node.iterancestors())


def _insert_gaps(parent, index: int, pieces: list[str]) -> str:
    """`pieces` alternates text and whitespace (from _WS.split, text first): each whitespace
    becomes a gap span inserted in `parent` from `index`, holding the character before it
    (or after it, at the start of a text). Returns the text before the first gap."""
    texts, spaces = pieces[0::2], pieces[1::2]
    for i, space in enumerate(spaces):
        if texts[i]:
            content, texts[i] = texts[i][-1] + space, texts[i][:-1]
        else:
            content, texts[i + 1] = space + texts[i + 1][:1], texts[i + 1][1:]
        gap = lhtml.Element("span", {"class": "fz-gap"})
        gap.text = content
        parent.insert(index + i, gap)
    for i, gap in enumerate(parent[index:index + len(spaces)]):
        gap.tail = texts[i + 1]
    return texts[0]


def _gap_at_end(el, space: str) -> bool:
    """Put `space` (whitespace after `el`) with the last character inside `el` into a gap
    span at the end of `el`'s content, e.g. <strong>第一<span>条 </span></strong>; False
    where `el` does not end with a character of its own."""
    if _skipped(el) or el.get("class") == "fz-gap":
        return False
    if len(el):
        last = el[-1]
        if not last.tail:
            return isinstance(last.tag, str) and _gap_at_end(last, space)
        text, put = last.tail, lambda rest: setattr(last, "tail", rest)
    else:
        text, put = el.text, lambda rest: setattr(el, "text", rest)
    if not text or text[-1].isspace():
        return False
    put(text[:-1])
    gap = lhtml.Element("span", {"class": "fz-gap"})
    gap.text = text[-1] + space
    el.append(gap)
    return True


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LABEL = "data-fz-label"


def justify(root) -> None:
    """Insert break spaces in every laid-out text under `root` (an lxml element), in place.

    Headings keep their text as it was in `data-fz-label`, which print.css uses for PDF
    bookmarks and running heads (they must not show the break spaces).
    """
    root.set("class", " ".join([*(root.get("class") or "").split(), "fz-grid"]))
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
        previous = el.text[-1]  # no break inside; one may follow its last character
    elif el.text and set((el.get("class") or "").split()) & SOLID_CLASSES:
        previous = el.text[-1]
    elif el.text:
        el.text, previous = spaced(el.text, previous)
    for child in el:
        previous = _walk(child, previous)
        if child.tail:
            child.tail, previous = spaced(child.tail, previous)
    return "" if el.tag in BLOCKS else previous

