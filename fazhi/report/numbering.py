"""Heading numbering schemes and the reading of numbers authors typed by hand.

GB/T 9704-2012 7.3.3 gives the four 公文 levels 一、 （一） 1. （1）; levels past the
fourth are not in the standard, so this project continues with ① (common practice).
The `bufen` scheme serves reports whose top level is 第一部分 (issue E).
Markdown h1 is the document title and is never numbered: schemes start at h2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from fazhi.text.numerals import CIRCLED, NUMERAL_CHARS, from_chinese, to_chinese, to_circled

Marker = Callable[[int], str]

#: Marker styles, each a formatter from a position (1-based) to the text shown.
STYLES: dict[str, Marker] = {
    "part": lambda n: f"第{to_chinese(n)}部分\u3000",
    "cn-dun": lambda n: f"{to_chinese(n)}、",
    "cn-paren": lambda n: f"（{to_chinese(n)}）",
    "arabic-dot": lambda n: f"{n}.",
    "arabic-paren": lambda n: f"（{n}）",
    "circled": to_circled,
}

#: Scheme name → marker style for h2, h3, h4, h5, h6.
SCHEMES: dict[str, tuple[str, ...]] = {
    "gongwen": ("cn-dun", "cn-paren", "arabic-dot", "arabic-paren", "circled"),
    "bufen": ("part", "cn-dun", "cn-paren", "arabic-dot", "arabic-paren"),
    "law": (),
    "none": (),
}

_CN = NUMERAL_CHARS
_MANUAL = [
    ("part", re.compile(rf"第([{_CN}\d]+)部分[\s　]*")),
    ("chapter", re.compile(rf"第([{_CN}\d]+)[编章节][\s　]*")),
    ("cn-dun", re.compile(rf"([{_CN}]+)[、，,.．][\s　]*")),
    ("cn-paren", re.compile(rf"[（(]([{_CN}]+)[）)][\s　]*")),
    ("arabic-paren", re.compile(r"[（(](\d+)[）)][\s　]*")),
    ("arabic-dot", re.compile(r"(\d+)(?:[.．、]|\)|）)(?!\d)[\s　]*")),
    ("circled", re.compile(rf"([{CIRCLED}])[\s　]*")),
]


@dataclass(frozen=True)
class ManualNumber:
    """A number typed at the start of a heading: its style, value and exact text."""

    style: str
    value: int
    text: str


def read_manual_number(heading: str) -> ManualNumber | None:
    """Recognise a hand-typed number at the start of `heading` (一、 （一） 1. 第一章 …)."""
    for style, pattern in _MANUAL:
        match = pattern.match(heading)
        if not match:
            continue
        raw = match.group(1)
        value = CIRCLED.index(raw) + 1 if style == "circled" else from_chinese(raw)
        return ManualNumber(style, value, match.group(0))
    return None


def marker(scheme: str, level: int, position: int) -> str | None:
    """The number text for a heading of `level` (2..6) at `position` under its parent."""
    styles = SCHEMES[scheme]
    index = level - 2
    if index < 0 or index >= len(styles):
        return None
    return STYLES[styles[index]](position)


def style_for(scheme: str, level: int) -> str | None:
    styles = SCHEMES[scheme]
    index = level - 2
    return styles[index] if 0 <= index < len(styles) else None


class Counters:
    """Position of each heading under its parent; deeper counters reset on a new parent."""

    def __init__(self) -> None:
        self._counts = [0] * 7

    def next(self, level: int) -> int:
        self._counts[level] += 1
        for deeper in range(level + 1, 7):
            self._counts[deeper] = 0
        return self._counts[level]

    def skipped_parent(self, level: int) -> int | None:
        """The first missing parent level above `level` (h2 → h4 skips h3), if any."""
        for parent in range(2, level):
            if self._counts[parent] == 0:
                return parent
        return None
