"""Invisible characters in law text as it really comes (copied from web pages and PDFs).

Zero-width characters (U+200B, U+FEFF …) are not part of a law: they show nothing, yet a
line holding only one is not blank to Markdown, and one before 第一条 hides the article.
Blank-looking spaces (U+00A0, U+2002, U+3000 …) are spacing: a line of them is a blank
line, and before 第X条 they are indentation. Structure is read through these helpers so
none of these characters ever changes it; `fazhi check --fix` removes the zero-width ones.
"""

from __future__ import annotations

import re

#: Characters that take no room at all: zero-width space/non-joiner/joiner, word joiner,
#: byte-order mark (zero-width no-break space), soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Spacing that looks like nothing on the page (ASCII space and tab, no-break space, the
#: en/em/thin spaces of typeset text, ideographic space).
BLANK_SPACES = " \t\u00a0\u2002\u2003\u2009\u3000"
INVISIBLE = ZERO_WIDTH + BLANK_SPACES
ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")
#: Regex class text for a run of invisible characters (for patterns built elsewhere).
INVISIBLE_CLASS = f"[{INVISIBLE}]"

_NAMES = {
    "\u200b": "零宽空格（U+200B）",
    "\u200c": "零宽不连字（U+200C）",
    "\u200d": "零宽连字（U+200D）",
    "\u2060": "零宽不换行（U+2060）",
    "\ufeff": "零宽不换行空格/BOM（U+FEFF）",
    "\u00ad": "软连字符（U+00AD）",
}


def is_blank(line: str) -> bool:
    """True for a line that shows nothing: empty, or only invisible characters."""
    return not line.strip(INVISIBLE)


def leading_invisible(text: str) -> str:
    """The invisible characters `text` starts with (indentation, a stray U+200B)."""
    return text[: len(text) - len(text.lstrip(INVISIBLE))]


def zero_width_positions(text: str) -> list[tuple[int, int, str]]:
    """(line, column, name) of every zero-width character, both counted from 1."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        found += [(number, m.start() + 1, _NAMES[m.group(0)]) for m in ZERO_WIDTH_RE.finditer(line)]
    return found


def without_zero_width(text: str) -> str:
    """`text` with every zero-width character removed and nothing else changed."""
    return ZERO_WIDTH_RE.sub("", text)
