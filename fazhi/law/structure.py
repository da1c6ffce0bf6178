"""The legal structure of a law text: 编/分编/章/节 headings, 条, 款, 项, 题注, 序言.

Pure parsing of the handbook source format (see /work/shared/laws/README.md): a `#` title,
题注 lines up to `<!-- INFO END -->`, `##`/`###` headings for 编/章/节 and 序言, and plain
paragraphs for 条 (``第X条`` + a space), 款 (further paragraphs) and 项 (（一）/(一)).
Every unit keeps its source line so diagnostics can cite it. Ids follow `fazhi.law`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from fazhi.contract import PREAMBLE_ANCHOR, division_anchor, unit_anchor
from fazhi.text.frontmatter import body_start
from fazhi.text.numerals import NUMERAL_CHARS, from_chinese, to_chinese

INFO_END = "<!-- INFO END -->"
FORCE_BREAK = "<!-- FORCE BREAK -->"
PREAMBLE = "序言"
_CN = NUMERAL_CHARS

#: An article opens with its number and one separating space (ASCII or U+3000).
ARTICLE = re.compile(rf"^第(?P<base>[{_CN}]+)条(?:之(?P<sub>[{_CN}]+))?(?P<sep>[ \u3000])")
DIVISION = re.compile(rf"^第(?P<num>[{_CN}]+)(?P<kind>分编|编|章|节)(?P<sep>[ \u3000]*)")
#: A 项 marker in either parenthesis style: （一） in 法律, (一) in older 行政法规.
ITEM = re.compile(rf"^(?P<open>[（(])(?P<num>[{_CN}]+)(?P<close>[）)])")
#: A 目 marker under a 项: Arabic numeral and 下脚点, no space (1.农产品).
SUBITEM = re.compile(r"^(?P<num>\d+)[.．](?!\d)")
_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True, order=True)
class ArticleNumber:
    """第十条 is (10, 0); 第一百二十条之一 is (120, 1). Ordered as articles run."""

    base: int
    sub: int = 0

    @property
    def label(self) -> str:
        """The official spelling: 第一百二十条之一."""
        return f"第{to_chinese(self.base)}条" + (f"之{to_chinese(self.sub)}" if self.sub else "")

    @property
    def anchor(self) -> str:
        return unit_anchor(self.base, self.sub)


@dataclass(frozen=True)
class Block:
    """A Markdown block of the body: one paragraph, heading or marker comment."""

    line: int
    text: str


class Role(StrEnum):
    """What a paragraph of the body is."""

    CLAUSE = "clause"  # 款 (the first 款 opens with the article number)
    ITEM = "item"  # 项: （一）
    SUBITEM = "subitem"  # 目: 1.
    LOOSE = "loose"  # outside any article (序言, a repeated title)


@dataclass
class Paragraph:
    """A 款, 项 or 目 of an article, or a loose paragraph (序言, a repeated title).

    The 款, 项 and 目 numbers are kept as numbers (the anchor is made from them, never read
    back): a 项 in the second 款 has clause=2, item=N.
    """

    line: int
    text: str
    role: Role
    anchor: str | None = None
    #: For 项 and 目: the marker as written, e.g. "(一)" (display turns it into "（一）").
    marker: str = ""
    clause: int = 0
    item: int | None = None
    subitem: int | None = None


@dataclass
class Article:
    """One 条: its number, where it starts, and its 款/项/目 in source order."""

    number: ArticleNumber
    line: int
    #: The number as written in the source (第十条), and the separating space.
    written: str
    separator: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    def clause_anchor(self, clause: int) -> str | None:
        """Anchor of 第N款, or None when the article has fewer 款."""
        found = (p for p in self.paragraphs if p.role == Role.CLAUSE and p.clause == clause)
        return next((p.anchor for p in found), None)

    def item_anchor(self, item: int, clause: int | None = None) -> str | None:
        """Anchor of 第（N）项, in the given 款 or the first 款 that has it."""
        for p in self.paragraphs:
            if p.role == Role.ITEM and p.item == item and clause in (None, p.clause):
                return p.anchor
        return None


@dataclass
class Heading:
    """A 编/分编/章/节 heading (kind and number set), 序言, or another heading of the body."""

    level: int
    line: int
    text: str
    kind: str | None = None  # 编 分编 章 节 序言, or None for other headings
    number: int | None = None
    anchor: str | None = None
    #: Length of the "第一章" prefix in `text` (0 when there is none).
    number_length: int = 0


@dataclass
class LawText:
    """A parsed law file: title, 题注 lines and the body in source order."""

    title: str = ""
    title_line: int = 0
    notes: list[Block] = field(default_factory=list)
    #: Body in source order: Heading, Article and loose Paragraph objects.
    body: list[Heading | Article | Paragraph] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [b for b in self.body if isinstance(b, Article)]

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.body if isinstance(b, Heading)]

    def article(self, number: ArticleNumber) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


def blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """Blank-line separated blocks; headings and comment lines are blocks of their own.

    A paragraph's text joins its lines with newlines, as Markdown keeps them.
    """
    found: list[Block] = []
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current:
            found.append(Block(start, "\n".join(current)))
            current.clear()

    for index, line in enumerate(lines):
        number = first_line + index
        stripped = line.strip()
        if not stripped:
            flush()
        elif _HEADING.match(line) or stripped in (INFO_END, FORCE_BREAK):
            flush()
            found.append(Block(number, stripped))
        else:
            if not current:
                start = number
            current.append(line)
    flush()
    return found


def parse_law(text: str) -> LawText:
    """Parse a whole law file (front matter optional); lines are those of `text`."""
    lines = text.split("\n")
    skip = body_start(lines)
    return parse_blocks(blocks(lines[skip:], first_line=skip + 1))


def parse_blocks(found: list[Block]) -> LawText:
    law = LawText()
    has_info_end = any(b.text == INFO_END for b in found)
    in_notes = False
    builder = _BodyBuilder(law)
    for block in found:
        heading = _HEADING.match(block.text)
        if heading and len(heading["marks"]) == 1 and not law.title:
            law.title, law.title_line = heading["text"], block.line
            in_notes = has_info_end
        elif block.text == INFO_END:
            in_notes = False
        elif in_notes:
            law.notes.append(block)
        elif block.text == FORCE_BREAK:
            continue
        elif heading:
            builder.heading(len(heading["marks"]), heading["text"], block.line)
        else:
            builder.paragraph(block)
    return law


class _BodyBuilder:
    """Assigns each body block its role and anchor while walking the text once."""

    def __init__(self, law: LawText) -> None:
        self.law = law
        self.article: Article | None = None
        self.clause = 0
        self.bian = 0
        self.chapter = 0

    def heading(self, level: int, text: str, line: int) -> None:
        self.article = None
        heading = Heading(level, line, text)
        division = DIVISION.match(text)
        if text.replace(" ", "").replace("\u3000", "") == PREAMBLE:
            heading.kind, heading.anchor = PREAMBLE, PREAMBLE_ANCHOR
        elif division:
            heading.kind = division["kind"]
            heading.number = from_chinese(division["num"])
            heading.number_length = len(f"第{division['num']}{division['kind']}")
            heading.anchor = self._division_anchor(heading.kind, heading.number)
        self.law.body.append(heading)

    def _division_anchor(self, kind: str, number: int) -> str:
        if kind == "编":
            self.bian = number
        elif kind == "章":
            self.chapter = number
        return division_anchor(kind, number, bian=self.bian, chapter=self.chapter)

    def paragraph(self, block: Block) -> None:
        opening = ARTICLE.match(block.text)
        if opening:
            number = ArticleNumber(from_chinese(opening["base"]), from_chinese(opening["sub"]) if opening["sub"] else 0)
            written = opening.group(0)[: -len(opening["sep"])]
            self.article = Article(number, block.line, written, opening["sep"])
            self.clause = 1
            self._add(block, Role.CLAUSE)
            self.law.body.append(self.article)
            return
        if self.article is None:
            self.law.body.append(Paragraph(block.line, block.text, Role.LOOSE))
            return
        item = ITEM.match(block.text)
        if item:
            self._add(block, Role.ITEM, item.group(0), item=from_chinese(item["num"]))
            return
        previous = self.article.paragraphs[-1]
        subitem = SUBITEM.match(block.text)
        if subitem and previous.role in (Role.ITEM, Role.SUBITEM):
            self._add(block, Role.SUBITEM, subitem.group(0), item=previous.item, subitem=int(subitem["num"]))
            return
        self.clause += 1
        self._add(block, Role.CLAUSE)

    def _add(self, block: Block, role: Role, marker: str = "", item: int | None = None,
             subitem: int | None = None) -> None:
        """Append a 款/项/目 of the current article, its anchor made from its numbers."""
        number = self.article.number
        anchor = unit_anchor(number.base, number.sub, self.clause, item, subitem)
        self.article.paragraphs.append(
            Paragraph(block.line, block.text, role, anchor, marker, self.clause, item, subitem))


def display_item_marker(marker: str) -> str:
    """(一) → （一）: the only display normalisation of the text (项 markers, render time)."""
    return "（" + marker[1:-1] + "）"
