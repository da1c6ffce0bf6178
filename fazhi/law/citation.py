"""Citations of the handbook's articles as staff write them outside the laws (in 问答).

    《婚姻登记条例》第五条            民法典第一千零七十七条        反家暴法第23条第1款
    《中华人民共和国反家庭暴力法》第二十三条第一款
    《中华人民共和国民法典》第一千零七十六条、第一千零七十七条
    《社会救助暂行办法》第十一条第（一）项

Unlike fazhi.law.xref, which reads citations inside a law (where a bare 第十条 means that law),
a citation here always names its law: in 《》, or by a name the handbook knows (its titles and
the short names of fazhi.law.names). `find_citations` reads the text; `Citations` resolves what it
found against the handbook, to the most precise anchor of fazhi.contract, or says why it cannot
(a law the handbook does not hold, an article or 款 the law does not have) in words for staff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from fazhi.law.handbook import Handbook, LawEntry
from fazhi.law.meta import excerpt_range
from fazhi.law.names import law_names
from fazhi.law.structure import Article, ArticleNumber, LawText, parse_law
from fazhi.law.xref import PREFIX, normalise_title
from fazhi.text.numerals import NUMERAL_CHARS, from_chinese, to_chinese

_N = f"[{NUMERAL_CHARS}0-9０-９]+"
_ARTICLE = re.compile(
    rf"第\s*(?P<base>{_N})\s*条(?:之(?P<sub>{_N}))?(?:第\s*(?P<clause>{_N})\s*款)?"
    rf"(?:第\s*[（(]?(?P<item>{_N})[）)]?\s*项)?")
#: Between two articles of one citation: 第十条、第十一条 / 和 / 至 …
_CHAIN = re.compile(r"\s*(?:、|，|,|和|与|及|以及|或者|或|至|到)\s*")
_QUOTED = r"《(?P<title>[^《》\n]+)》"
_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class Citation:
    """One cited law or article at text[start:end]; the first article of a chain spans the name too."""

    start: int
    end: int
    #: The law as written, without 《》 (婚姻登记条例, 民法典, 反家暴法).
    law: str
    article: ArticleNumber | None = None
    clause: int | None = None
    item: int | None = None

    @property
    def label(self) -> str:
        """The article part as the law spells it: 第二十三条第一款, 第十一条第（一）项."""
        if self.article is None:
            return ""
        label = self.article.label
        if self.clause is not None:
            label += f"第{to_chinese(self.clause)}款"
        if self.item is not None:
            label += f"第（{to_chinese(self.item)}）项"
        return label


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return int(text.translate(_FULL_DIGITS)) if text.translate(_FULL_DIGITS).isdigit() else from_chinese(text)


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def find_citations(text: str, names: Iterable[str]) -> list[Citation]:
    """Every citation in `text`: 《any title》 (with or without articles), and a known name
    directly followed by its articles (民法典第…条). `names` are the names the handbook knows."""
    bare = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n)
    pattern = re.compile(_QUOTED + (rf"|(?P<name>{bare})(?=\s*第)" if bare else ""))
    found: list[Citation] = []
    for match in pattern.finditer(text):
        law = match["title"] or match["name"]
        found += _articles(text, match, law) or ([Citation(match.start(), match.end(), law)] if match["title"] else [])
    return found


def _articles(text: str, match: re.Match, law: str) -> list[Citation]:
    """The articles written right after a law's name, each its own citation."""
    out: list[Citation] = []
    position = match.end()
    while article := _ARTICLE.match(text, _SPACE.match(text, position).end()):
        number = ArticleNumber(_number(article["base"]) or 0, _number(article["sub"]) or 0)
        start = match.start() if not out else article.start()
        out.append(Citation(start, article.end(), law, number, _number(article["clause"]), _number(article["item"])))
        position = article.end()
        chain = _CHAIN.match(text, position)
        if not chain or not _ARTICLE.match(text, chain.end()):
            break
        position = chain.end()
    return out


@dataclass(frozen=True)
class Target:
    """Where a citation resolves to: the law, the article (None for a whole law), the anchor."""

    law: LawEntry
    article: Article | None
    anchor: str | None
    #: The citation as a reader should read it: 《中华人民共和国反家庭暴力法》第二十三条第一款.
    label: str


class CitationError(ValueError):
    """A citation that cannot be linked; the message says why, for staff."""


class Citations:
    """The handbook's laws as citations may name them, and each cited article checked.

    A name resolves as the law pages' own cross-references do (`Handbook.link_targets`): the
    text in force rather than a superseded one, and an excerpt for its code (民法典 → the
    婚姻家庭编 held). Law texts are parsed on first citation only.
    """

    def __init__(self, book: Handbook) -> None:
        self.book = book
        self._parsed: dict[str, LawText] = {}

    @cached_property
    def _by_name(self) -> dict[str, LawEntry]:
        found: dict[str, LawEntry] = {}
        for key, law in self.book.link_targets().items():
            for name in [key, *law_names(law.title), *(law_names(law.text_title) if key != normalise_title(law.title) else [])]:
                found.setdefault(normalise_title(name), law)
        return found

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every name a citation may use, with and without 中华人民共和国."""
        return tuple(dict.fromkeys(n for key in self._by_name for n in (key, PREFIX + key)))

    def find(self, text: str) -> list[Citation]:
        return find_citations(text, self.names)

    def law(self, name: str) -> LawEntry | None:
        return self._by_name.get(normalise_title(name.strip()))

    def resolve(self, citation: Citation) -> Target:
        """The place a citation links to; CitationError when the handbook has no such place."""
        law = self.law(citation.law)
        if law is None:
            raise CitationError(f"《{citation.law}》不在普法手册中，无法链接：请写手册收录的法律法规的名称或简称"
                                "（例如《婚姻登记条例》、民法典、反家暴法），或先把它收入手册")
        title = f"《{law.text_title if law.excerpt and normalise_title(citation.law) != law.short_title else law.title}》"
        if citation.article is None:
            return Target(law, None, None, title)
        article = self.text(law).article(citation.article)
        if article is None:
            raise CitationError(self._missing(law, citation))
        anchor = article.anchor
        if citation.clause is not None:
            anchor = article.clause_anchor(citation.clause) or self._fail(
                f"{title}{citation.article.label}没有第{to_chinese(citation.clause)}款")
        if citation.item is not None:
            anchor = article.item_anchor(citation.item, citation.clause) or self._fail(
                f"{title}{citation.article.label}没有第（{to_chinese(citation.item)}）项")
        return Target(law, article, anchor, title + citation.label)

    def text(self, law: LawEntry) -> LawText:
        if law.stem not in self._parsed:
            self._parsed[law.stem] = parse_law(law.src.read_text(encoding="utf-8"))
        return self._parsed[law.stem]

    @staticmethod
    def _fail(message: str) -> str:
        raise CitationError(message)

    def _missing(self, law: LawEntry, citation: Citation) -> str:
        label = citation.article.label if citation.article else ""
        if law.excerpt and not law.excerpt.covers(citation.article):
            return f"手册只收录了《{law.text_title}》的{excerpt_range(law.excerpt)}，没有{label}"
        return f"《{law.title}》没有{label}（共{to_chinese(law.article_count)}条）"
