"""Readable, stable heading ids from Chinese text via pypinyin.

`主要举措和成效` → `zhu-yao-ju-cuo-he-cheng-xiao`. Ids come from the heading text alone
(never from its position), so inserting a section leaves the other ids unchanged.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

MAX_SYLLABLES = 12
_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_syllables: int = MAX_SYLLABLES) -> str:
    """Pinyin slug of `text`: syllables and ASCII words joined by '-', punctuation dropped.

    Long headings keep their first `max_syllables` words, which stays readable in a URL.
    """
    normalized = unicodedata.normalize("NFKC", text).lower()
    words: list[str] = []
    for chunk in lazy_pinyin(normalized, style=Style.NORMAL, errors=lambda s: [s]):
        words.extend(_WORD.findall(chunk.replace("ü", "v")))
    return "-".join(words[:max_syllables]) or "section"


class UniqueIds:
    """Hands out ids unique within one page: later duplicates get -2, -3 ….

    Remembers the next suffix per slug, so a heading repeated a thousand times costs
    a thousand steps, not a million.
    """

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken = set(taken or ())
        self._next: dict[str, int] = {}

    def claim(self, slug: str) -> str:
        candidate, n = slug, self._next.get(slug, 1)
        while candidate in self._taken:
            n += 1
            candidate = f"{slug}-{n}"
        self._next[slug] = n
        self._taken.add(candidate)
        return candidate
