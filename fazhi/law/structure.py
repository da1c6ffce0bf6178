"""The legal structure of a law text: 编/分编/章/节 headings, 条, 款, 项, 题注, 序言.

Pure parsing of the handbook source format (see /work/shared/laws/README.md): a `#` title,
题注 lines up to `<!-- INFO END -->`, `##`/`###` headings for 编/章/节 and 序言, and plain
paragraphs for 条 (``第X条`` + a space), 款 (further paragraphs) and 项 (（一）/(一)).
Every unit keeps its source line so diagnostics can cite it. Ids follow `fazhi.contract`.

Law text as it really comes is read too: a code (民法典) whose 编 are bare names
(物权编) or further `#` headings, parts that each repeat the code's title and 题注, chapters
restarting in every 编, and invisible characters (`fazhi.text.invisible`) that never change
the structure. Whatever the input, no id is given twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from fazhi.contract import PREAMBLE_ANCHOR, division_anchor, repeat_anchor, unit_anchor
from fazhi.text.frontmatter import body_start, split_front_matter
from fazhi.text.invisible import INVISIBLE, INVISIBLE_CLASS, is_blank, leading_invisible
from fazhi.text.numerals import NUMERAL_CHARS, from_chinese, to_chinese

INFO_END = "<!-- INFO END -->"
FORCE_BREAK = "<!-- FORCE BREAK -->"
PREAMBLE = "序言"
_CN = NUMERAL_CHARS

#: Spaces that may separate a number from its text (ASCII, U+3000, no-break, en/em space).
_SEP = "[ \u3000\u00a0\u2002\u2003]"
#: An article opens with its number and one separating space, possibly after invisible
#: characters (indentation, a stray U+200B), which stay in the text but not in `written`.
#: An article number as written: 第十条, 第一百二十条之一 (the one spelling every reader uses).
ARTICLE_NUMBER = rf"第(?P<base>[{_CN}]+)条(?:之(?P<sub>[{_CN}]+))?"
ARTICLE = re.compile(rf"^(?P<lead>{INVISIBLE_CLASS}*){ARTICLE_NUMBER}(?P<sep>{_SEP})")
_ARTICLE_LABEL = re.compile(rf"^{ARTICLE_NUMBER}$")
DIVISION = re.compile(rf"^(?P<lead>{INVISIBLE_CLASS}*)第(?P<num>[{_CN}]+)(?P<kind>分编|编|章|节)(?P<sep>{_SEP}*)")
#: A 编 written as a bare name, as public sources give the 民法典: 物权编, 婚姻家庭编.
BARE_BIAN = re.compile(r"^[\u4e00-\u9fff]{1,8}编$")
#: A 项 marker in either parenthesis style: （一） in 法律, (一) in older 行政法规.
ITEM = re.compile(rf"^(?P<lead>{INVISIBLE_CLASS}*)(?P<open>[（(])(?P<num>[{_CN}]+)(?P<close>[）)])")
#: A 目 marker under a 项: Arabic numeral and 下脚点, no space (1.农产品).
SUBITEM = re.compile(r"^(?P<num>\d+)[.．](?!\d)")
_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True, order=True)
class ArticleNumber:
    """第十条 is (10, 0); 第一百二十条之一 is (120, 1). Ordered as articles run."""

    base: int
    sub: int = 0

    @classmethod
    def parse(cls, label: object) -> "ArticleNumber | None":
        """第一千零四十条 → ArticleNumber(1040); None for anything that is not such a label."""
        match = _ARTICLE_LABEL.match(str(label or "").strip())
        if not match:
            return None
        return cls(from_chinese(match["base"]), from_chinese(match["sub"]) if match["sub"] else 0)

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
    #: 1, or 2, 3 … for a repeat of an article number already in the file (its ids get --N).
    occurrence: int = 1

    @property
    def anchor(self) -> str:
        """The id of its box: t10, or t10--2 for the second 第十条 of a damaged file."""
        own = self.number.anchor
        return own if self.occurrence == 1 else repeat_anchor(own, self.occurrence)

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
    #: What a code assembled from parts repeats before each part: its title and 题注 lines
    #: already given. Shown once, so these blocks are left out of the page.
    repeats: list[Block] = field(default_factory=list)

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

    A paragraph's text joins its lines with newlines, as Markdown keeps them. A line of
    only invisible characters is blank (the law extension blanks it for Markdown too).
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
        if is_blank(line):
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
    return parse_blocks(blocks(lines[skip:], first_line=skip + 1), first_bian=excerpt_bian(text))


def excerpt_bian(text: str) -> int:
    """The 编 number an excerpt's front matter names (`excerpt: 第五编 婚姻家庭` → 5), else 1.

    A bare 编 heading (婚姻家庭编) then takes the code's own number, so the excerpt's
    chapter ids are the ones the whole code has (bian-5-zhang-1).
    """
    yaml_text, _, _ = split_front_matter(text)
    match = re.search(r"^excerpt:\s*['\"]?(.*)$", yaml_text, re.M)
    return part_bian(match[1]) if match else 1


def part_bian(part: str) -> int:
    """第五编 婚姻家庭 → 5; 1 when the part names no 编."""
    match = re.match(rf"第([{_CN}]+)编", part.strip())
    return from_chinese(match[1]) if match else 1


def parse_blocks(found: list[Block], first_bian: int = 1) -> LawText:
    """The law in `found`; bare 编 names are numbered from `first_bian` in order of appearance."""
    law = LawText()
    has_info_end = any(b.text == INFO_END for b in found)
    in_notes = repeating = False
    builder = _BodyBuilder(law, first_bian)
    for block in found:
        heading = _HEADING.match(block.text)
        level = len(heading["marks"]) if heading else 0
        text = heading["text"].strip() if heading else block.text
        if level == 1 and not law.title:
            law.title, law.title_line = text, block.line
            in_notes = has_info_end
        elif level == 1 and text == law.title:
            # A code assembled from parts: each part repeats the code's title and 题注.
            law.repeats.append(block)
            in_notes = repeating = has_info_end
        elif block.text == INFO_END:
            in_notes = repeating = False
        elif in_notes and not heading:
            repeated = repeating and block.text in {n.text for n in law.notes}
            (law.repeats if repeated else law.notes).append(block)
        elif block.text == FORCE_BREAK:
            continue
        elif heading:
            builder.heading(level, text, block.line)
        else:
            builder.paragraph(block)
    return law


class _BodyBuilder:
    """Assigns each body block its role and anchor while walking the text once."""

    def __init__(self, law: LawText, first_bian: int = 1) -> None:
        self.law = law
        self.article: Article | None = None
        self.clause = 0
        self.bian = 0
        self.next_bian = first_bian
        self.chapter = 0
        #: Every id given so far, with how often it was asked for.
        self.used: dict[str, int] = {}

    def heading(self, level: int, text: str, line: int) -> None:
        self.article = None
        heading = Heading(level, line, text)
        lead = leading_invisible(text)
        division = DIVISION.match(text)
        if text.strip(INVISIBLE).replace(" ", "").replace("\u3000", "") == PREAMBLE:
            heading.kind, heading.anchor = PREAMBLE, self._unique(PREAMBLE_ANCHOR)
        elif division:
            heading.kind = division["kind"]
            heading.number = from_chinese(division["num"])
            heading.number_length = len(lead) + len(f"第{division['num']}{division['kind']}")
            heading.anchor = self._division_anchor(heading.kind, heading.number)
        elif level == 1 or BARE_BIAN.match(text.strip(INVISIBLE)):
            # A further `#` heading or a bare 物权编: a 编, numbered in order of appearance.
            heading.kind, heading.number = "编", self.next_bian
            heading.anchor = self._division_anchor("编", heading.number)
        self.law.body.append(heading)

    def _division_anchor(self, kind: str, number: int) -> str:
        if kind == "编":
            self.bian, self.next_bian, self.chapter = number, number + 1, 0
        elif kind == "章":
            self.chapter = number
        return self._unique(division_anchor(kind, number, bian=self.bian, chapter=self.chapter))

    def _unique(self, anchor: str) -> str:
        """`anchor`, or its --N repeat when the page already has it."""
        count = self.used.get(anchor, 0) + 1
        self.used[anchor] = count
        if count == 1:
            return anchor
        repeat = repeat_anchor(anchor, count)
        self.used[repeat] = 1
        return repeat

    def paragraph(self, block: Block) -> None:
        opening = ARTICLE.match(block.text)
        if opening:
            number = ArticleNumber(from_chinese(opening["base"]), from_chinese(opening["sub"]) if opening["sub"] else 0)
            written = opening.group(0)[len(opening["lead"]): -len(opening["sep"])]
            self.article = Article(number, block.line, written, opening["sep"])
            occurrence = self.used.get(number.anchor, 0) + 1
            self.used[number.anchor] = occurrence
            self.article.occurrence = occurrence
            self.clause = 1
            self._add(block, Role.CLAUSE)
            self.law.body.append(self.article)
            return
        if self.article is None:
            self.law.body.append(Paragraph(block.line, block.text, Role.LOOSE))
            return
        item = ITEM.match(block.text)
        if item:
            self._add(block, Role.ITEM, item.group(0)[len(item["lead"]):], item=from_chinese(item["num"]))
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
        article = self.article
        anchor = unit_anchor(article.number.base, article.number.sub, self.clause, item, subitem)
        if article.occurrence > 1:
            anchor = repeat_anchor(anchor, article.occurrence)
        article.paragraphs.append(
            Paragraph(block.line, block.text, role, anchor, marker, self.clause, item, subitem))


def display_item_marker(marker: str) -> str:
    """(一) → （一）: the only display normalisation of the text (项 markers, render time)."""
    return "（" + marker[1:-1] + "）"
