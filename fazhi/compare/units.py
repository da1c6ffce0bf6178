"""The pieces of a law that a comparison pairs: 编/章/节 headings and articles.

Numbers are kept apart from text: 第十条 renumbered 第十一条 with the same words is a
renumbering, not a change. Text is compared in a normalised form where white space,
invisible characters and the bracket style of 项 numbers do not count, as the issue asks:
layout, (一)/（一） and other half-width punctuation of older sources are not law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from fazhi.law.structure import Article, ArticleNumber, Heading, LawText, Paragraph

_IGNORED = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
#: ASCII punctuation older 行政法规 sources use where official print has full-width forms.
_WIDTH = str.maketrans("():;,?!", "（）：；，？！")
PARAGRAPH_BREAK = "\n"

Kind = Literal["article", "heading", "text"]


def normalise(text: str) -> str:
    """The text as compared: no white space or invisible characters, full-width brackets and
    punctuation ((一) is （一）, : is ：)."""
    return _IGNORED.sub("", text).translate(_WIDTH)


@dataclass(frozen=True)
class Unit:
    """One article, division heading or loose paragraph (序言) of one version."""

    kind: Kind
    #: Position in the version's body, counting every unit (orders the table).
    index: int
    #: 第十条 / 第一章 as written; "" for loose text and 序言.
    label: str
    #: The text after the label, one entry per 款/项 paragraph, as written.
    paragraphs: tuple[str, ...]
    anchor: str | None = None
    number: ArticleNumber | None = None
    line: int = 0

    @cached_property
    def key(self) -> str:
        """The normalised text, compared thousands of times by the aligner: made once."""
        return PARAGRAPH_BREAK.join(normalise(p) for p in self.paragraphs)

    @property
    def size(self) -> int:
        return max(1, len(self.key))

    @property
    def data_number(self) -> str:
        """The number for data-old/data-new: 10 for 第十条, 120-1 for 第一百二十条之一."""
        if self.number is None:
            return ""
        return str(self.number.base) + (f"-{self.number.sub}" if self.number.sub else "")


def units(law: LawText) -> list[Unit]:
    """Articles, headings with an anchor (编/分编/章/节/序言) and loose paragraphs (序言).

    Blank loose paragraphs (a lone U+200B) and the title repeated above the body (慈善法 2023)
    are not law text, so they are not compared.
    """
    found: list[Unit] = []
    title = normalise(law.title)
    for block in law.body:
        unit = _unit(block, len(found))
        if unit is not None and not (unit.kind == "text" and unit.key == title):
            found.append(unit)
    return found


def _unit(block: Heading | Article | Paragraph, index: int) -> Unit | None:
    if isinstance(block, Article):
        first, *rest = [p.text for p in block.paragraphs]
        body = first[len(block.written) + len(block.separator):]
        return Unit("article", index, block.written, (body, *rest), block.number.anchor, block.number, block.line)
    if isinstance(block, Heading):
        if not block.anchor:
            return None
        label = block.text[: block.number_length]
        return Unit("heading", index, label, (block.text[block.number_length:],), block.anchor, None, block.line)
    if normalise(block.text):
        return Unit("text", index, "", (block.text,), None, None, block.line)
    return None
