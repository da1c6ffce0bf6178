"""推入 before 推出 (clreq): squeeze punctuation so that 禁则 pull a character back onto a
line instead of pushing one down and spreading the line.

WeasyPrint breaks lines by 禁则 alone: when a line's 28th character would be followed by a
mark that may not start a line (，。、》…), it moves that character down and spreads the
line. A typesetter instead sets the mark at the line end half-width and, as far as needed,
halves other marks of the line, so that the pushed text fits back. Line breaks come from
the layout, so settle lays out, marks the marks the spread lines ask for, and lays out
again (at most PASSES times). A mark is marked by putting halfwidth.TIGHT in place of
grid.py's break space after it: the face's own rules then halve the mark, TIGHT has no
width and textlayer.py keeps it out of the text layer. A line with too few marks for that
stays spread: spreading is the last resort.

Adjacent marks (。” ，“ 》《 …) are halved by the faces themselves (halfwidth.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Callable, Iterator

from lxml import html as lhtml

from fazhi.pdf import grid
from fazhi.pdf.halfwidth import CLOSING, OPENING, TIGHT

MARKS = set(CLOSING) | set(OPENING)
#: Block elements whose lines settle looks at (their text is inline only).
LINE_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt")
BLOCK_ATTR = "data-fz-b"
PASSES = 8
#: Slack below this share of a 字 is rounding, not spreading.
SPREAD_LIMIT = 0.3
_SPACES = (grid.BREAK, grid.STRETCH, TIGHT)


def halved(text: str) -> set[int]:
    """Positions of the marks in `text` the faces halve by themselves (halfwidth.py): a
    closing mark touching another mark, an opening mark after an opening mark, and a
    closing mark followed by TIGHT."""
    out = set()
    for i, (a, b) in enumerate(zip(text, text[1:])):
        if a in CLOSING and (b in MARKS or b == TIGHT):
            out.add(i)
        elif a in OPENING and b in OPENING:
            out.add(i + 1)
    return out


# --------------------------------------------------------------------------- 推入


def settle(html: str, layout: Callable[[str], object]) -> tuple[str, object]:
    """The HTML with the marks halved that pull pushed characters back, and its layout.

    `layout` renders HTML to a WeasyPrint document (Renderer.document).
    """
    html = _numbered(html)
    document = layout(html)
    for _ in range(PASSES):
        wanted = pull_backs(document)
        if not wanted:
            break
        html = _halve(html, wanted)
        document = layout(html)
    return html, document


def _numbered(html: str) -> str:
    """Number the line blocks of the grid text (data-fz-b) so layout lines map back to them."""
    root = lhtml.document_fromstring(html)
    for number, block in enumerate(_line_blocks(root)):
        block.set(BLOCK_ATTR, str(number))
    return _serialize(root)


def _line_blocks(root) -> list:
    grids = root.xpath('//*[contains(concat(" ", @class, " "), " fz-grid ")]')
    return [el for g in grids for el in g.iter(*LINE_BLOCKS)
            if not any(child.tag in grid.BLOCKS for child in el.iterdescendants() if isinstance(child.tag, str))]


def _serialize(root) -> str:
    return "<!DOCTYPE html>\n" + lhtml.tostring(root, encoding="unicode")


def _boxes(box) -> Iterator:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _lines(document) -> dict[int, list]:
    """Line boxes of each numbered block, in order over all pages."""
    lines: dict[int, list] = defaultdict(list)
    for page in document.pages:
        for box in _boxes(page._page_box):
            if type(box).__name__ == "LineBox" and box.element is not None and box.element.get(BLOCK_ATTR):
                lines[int(box.element.get(BLOCK_ATTR))].append(box)
    return lines


def _texts(line) -> list:
    return [box for box in _boxes(line) if type(box).__name__ == "TextBox"]


def _unit(box) -> float:
    """One 字 of `box` in layout units: its font size plus tracking (letter-spacing)."""
    spacing = box.style["letter_spacing"]
    return box.style["font_size"] + (spacing if isinstance(spacing, (int, float)) else 0)


def pull_backs(document) -> set[tuple[int, int]]:
    """(block, mark ordinal in the block) of every mark to halve so that the first spread
    line of each block takes back what 禁则 pushed to the next line."""
    wanted = set()
    for block, lines in _lines(document).items():
        ordinal = 0
        for line, following in zip(lines, [*lines[1:], None]):
            marks = []  # (ordinal, char, may be halved) of this line's marks
            for box in _texts(line):
                half = halved(box.text)
                for i, ch in enumerate(box.text):
                    if ch in MARKS:
                        free = ch in CLOSING and i not in half and box.text[i + 1:i + 2] == grid.BREAK
                        marks.append((ordinal, ch, free))
                        ordinal += 1
            fit = _fit(line, following, marks, ordinal) if following is not None else []
            if fit:  # the lines after it move once it takes a character back: the next pass sees them
                wanted |= {(block, m) for m in fit}
                break
    return wanted


def _fit(line, following, marks: list[tuple[int, str, bool]], next_ordinal: int) -> list[int]:
    """Ordinals of the marks to halve so that the head of `following` (up to its first
    break) fits on `line`; none when the line is not spread or cannot take it.
    `next_ordinal` is the ordinal of the first mark of `following`."""
    texts = _texts(line)
    if not texts:
        return []
    unit = _unit(texts[0])
    spread = sum(box.justification_spacing * (box.text.count(grid.BREAK) + box.text.count(grid.STRETCH))
                 for box in texts) / unit
    if spread < SPREAD_LIMIT:
        return []
    head, head_width, head_free = _head(following)
    if not head:
        return []
    need = head_width - spread
    candidates = ["head"] if head_free else []
    candidates += [m for m, _, free in reversed(marks) if free]
    # the head did not fit in the slack (the layout says so): at least one mark more
    count = max(1, math.ceil(need / 0.5 - 0.1))
    if count > len(candidates):
        return []  # too few marks: spreading stays the last resort
    head_mark = next_ordinal + sum(ch in MARKS for ch in head[:-1])
    return [head_mark if m == "head" else m for m in candidates[:count]]


def _head(line) -> tuple[str, float, bool]:
    """The text of `line` up to its first break, its width in 字 (marks the faces halve
    and half-width characters count ½), and whether its last mark may still be halved."""
    head, width = "", 0.0
    for box in _texts(line):
        half = halved(box.text)
        for i, ch in enumerate(box.text):
            if ch in (grid.BREAK, TIGHT) and head:
                free = ch == grid.BREAK and head[-1] in CLOSING and box.text[i - 1:i] == head[-1] and (i - 1) not in half
                return head, width, free
            if ch not in _SPACES:
                head += ch
                width += 0.5 if i in half or not grid.is_wide(ch) else 1
    # no break on the line: the head ends its text (a paragraph's last 。), TIGHT may follow it
    free = bool(head) and head[-1] in CLOSING and box.text.endswith(head[-1]) and len(box.text) - 1 not in half
    return head, width, free


def _halve(html: str, wanted: set[tuple[int, int]]) -> str:
    """Put TIGHT in place of the break space after each wanted mark (block number, ordinal
    among the block's marks)."""
    root = lhtml.document_fromstring(html)
    by_block: dict[int, set[int]] = defaultdict(set)
    for block, ordinal in wanted:
        by_block[block].add(ordinal)
    for block in root.xpath(f"//*[@{BLOCK_ATTR}]"):
        ordinals = by_block.get(int(block.get(BLOCK_ATTR)))
        if ordinals:
            _tighten(block, ordinals)
    return _serialize(root)


def _tighten(block, ordinals: set[int]) -> None:
    ordinal = 0
    for node, attr in list(_text_nodes(block)):
        text = list(getattr(node, attr))
        for i, ch in enumerate(text):
            if ch in MARKS:
                if ordinal in ordinals and text[i + 1:i + 2] == [grid.BREAK]:
                    text[i + 1] = TIGHT
                elif ordinal in ordinals and i + 1 == len(text):
                    text.append(TIGHT)  # the mark ends its text: TIGHT after it still halves it
                ordinal += 1
        setattr(node, attr, "".join(text))


def _text_nodes(el) -> Iterator[tuple[object, str]]:
    """(element, "text"/"tail") in document order under `el`, as WeasyPrint lays it out."""
    if el.text:
        yield el, "text"
    for child in el:
        if isinstance(child.tag, str):
            yield from _text_nodes(child)
        if child.tail:
            yield child, "tail"
