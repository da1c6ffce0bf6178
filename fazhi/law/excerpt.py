"""Excerpts (节选): a part of a code, such as the 婚姻家庭编 of the 民法典.

Front matter ``excerpt: 第五编 婚姻家庭`` names the part and ``first_article:
第一千零四十条`` where it starts. The articles keep the code's own numbers (第一千零七十七条
is ``#t1077``), continuity counts from the first article, and a citation of an article
of the code outside the excerpt is not an error: the text simply is not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from fazhi.law.structure import ArticleNumber

#: The word the page title and the handbook's lists add to an excerpt.
MARK = "节选"


@dataclass(frozen=True)
class Excerpt:
    """Which part of a code a file holds."""

    #: The part as the front matter names it: 第五编 婚姻家庭.
    part: str
    first: ArticleNumber
    last: ArticleNumber | None = None

    def covers(self, number: ArticleNumber) -> bool:
        """Whether `number` falls inside the excerpt (after its last article counts as outside)."""
        return self.first <= number and (self.last is None or number <= self.last)


def excerpt_of(meta: Mapping[str, Any]) -> Excerpt | None:
    """The excerpt a file's front matter declares, or None for a whole law."""
    first = ArticleNumber.parse(meta.get("first_article"))
    if not meta.get("excerpt") and first is None:
        return None
    return Excerpt(str(meta.get("excerpt") or "").strip(), first or ArticleNumber(1),
                   ArticleNumber.parse(meta.get("last_article")))


def first_article(meta: Mapping[str, Any]) -> ArticleNumber:
    """Where the file's articles must start: `first_article`, else 第一条."""
    return ArticleNumber.parse(meta.get("first_article")) or ArticleNumber(1)
