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


def unique(slug: str, used: set[str]) -> str:
    """Make `slug` unique within a page by suffixing -2, -3 … to later duplicates."""
    candidate, n = slug, 1
    while candidate in used:
        n += 1
        candidate = f"{slug}-{n}"
    used.add(candidate)
    return candidate
