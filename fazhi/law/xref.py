"""Cross-references in law texts: which words cite which article, of which law.

Pure text analysis; `fazhi.law.extension` turns the findings into links. Recognised:

* 本法第十条, 本条例第二十条, a bare 第十条 (this law), 第十条第二款, 第十条第（三）项,
  第三条第一项 (项 without parentheses, as in 慈善法), chains 第一百零九条、第一百一十条
  and ranges 第二十三条至第二十五条 (each article of a chain is its own reference);
* 前款, 前款第（二）项, 前两款, 前条, 本条第二款;
* a bare 款 or 项 joined to the citation before it (第三条第一项至第三项, 前款第(二)项、第(三)项);
* 《中华人民共和国妇女权益保障法》 and articles that follow it (《…》第十条).

An article cited right after the name of another law (婚姻法第十一条, 《民法典》第十条,
also through a chain) belongs to that law: never to the page it appears on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from fazhi.text.numerals import from_chinese
from fazhi.law.structure import ArticleNumber

_N = "零〇一二两三四五六七八九十百千"
_ARTICLE = (
    rf"第(?P<base>[{_N}]+)条(?:之(?P<sub>[{_N}]+))?"
    rf"(?:第(?P<clause>[{_N}]+)款)?(?:第[（(]?(?P<item>[{_N}]+)[）)]?项)?"
)
_PART = rf"(?:第(?P<{{0}}clause>[{_N}]+)款)?(?:第[（(]?(?P<{{0}}item>[{_N}]+)[）)]?项)?"
_TOKEN = re.compile(
    rf"《(?P<title>[^《》\n]+)》|{_ARTICLE}"
    rf"|前(?P<count>[两二三四五六七八九十]?)(?P<unit>款|条)" + _PART.format("rel")
    + r"|本条(?=第)" + _PART.format("this")
    # A 款 or 项 continuing a chain: 第三条第一项至第三项, 前款第(二)项、第(三)项.
    + rf"|第(?P<moreclause>[{_N}]+)款(?:第[（(]?(?P<moreclauseitem>[{_N}]+)[）)]?项)?"
    + rf"|第[（(]?(?P<moreitem>[{_N}]+)[）)]?项"
)
#: Words between two articles of one chain: 第十条、第十一条 / 和 / 或者 / 至 …
_CHAIN = re.compile(r"^(?:、|，|和|与|或者|或|及|以及|至|到)$")
#: Names that mean "this law" right before an article number.
_OWN = ("本法", "本条例", "本办法", "本规定", "本细则", "本宪法")
#: A law named without 《》 (婚姻法第十一条, 宪法第五条) ends in one of these.
_OTHER_LAW_END = re.compile(r"[\u4e00-\u9fff](?:法|条例|办法|规定|细则|决定)$")

Kind = Literal["article", "this-article", "previous-clause", "previous-article", "law"]
PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class Reference:
    """A citation found at text[start:end].

    `law` is the title in 《》 a citation belongs to (None: this law); `foreign` marks an
    article of a law named without 《》, which cannot be resolved and is never linked.
    """

    start: int
    end: int
    kind: Kind
    article: ArticleNumber | None = None
    clause: int | None = None
    item: int | None = None
    count: int = 1
    law: str | None = None
    foreign: bool = False


def find_references(text: str) -> list[Reference]:
    """All citations in `text`, in order."""
    found: list[Reference] = []
    chain: Reference | None = None  # the previous article citation, for chains
    for match in _TOKEN.finditer(text):
        if match["title"]:
            chain = Reference(match.start(), match.end(), "law", law=match["title"])
            found.append(chain)
            continue
        if match["unit"]:
            kind: Kind = "previous-clause" if match["unit"] == "款" else "previous-article"
            count = from_chinese(match["count"]) if match["count"] else 1
            chain = Reference(match.start(), match.end(), kind, clause=_number(match["relclause"]),
                              item=_number(match["relitem"]), count=count)
            found.append(chain)
            continue
        if match.group(0).startswith("本条"):
            chain = Reference(match.start(), match.end(), "this-article", clause=_number(match["thisclause"]),
                              item=_number(match["thisitem"]))
            found.append(chain)
            continue
        if match["moreclause"] or match["moreitem"]:
            chain = _continued(text, match, chain)
            if chain is not None:
                found.append(chain)
            continue
        law, foreign = _owner(text, match.start(), chain)
        chain = Reference(
            match.start(),
            match.end(),
            "article",
            ArticleNumber(from_chinese(match["base"]), from_chinese(match["sub"]) if match["sub"] else 0),
            from_chinese(match["clause"]) if match["clause"] else None,
            from_chinese(match["item"]) if match["item"] else None,
            law=law,
            foreign=foreign,
        )
        found.append(chain)
    return found


def _number(text: str | None) -> int | None:
    return from_chinese(text) if text else None


def _continued(text: str, match: re.Match, chain: Reference | None) -> Reference | None:
    """A bare 第二款 / 第三项 joined to the previous citation cites the same article; alone, nothing."""
    if chain is None or chain.kind == "law" or not _CHAIN.match(text[chain.end:match.start()]):
        return None
    if match["moreclause"]:
        clause, item = from_chinese(match["moreclause"]), _number(match["moreclauseitem"])
    else:
        clause, item = chain.clause, from_chinese(match["moreitem"])
    return replace(chain, start=match.start(), end=match.end(), clause=clause, item=item)


def _owner(text: str, start: int, chain: Reference | None) -> tuple[str | None, bool]:
    """(law title or None, foreign?) for an article citation starting at `start`."""
    before = text[:start]
    if chain is not None and (chain.end == start or _CHAIN.match(text[chain.end:start])):
        return chain.law, chain.foreign
    if before.endswith(_OWN):
        return None, False
    return None, bool(_OTHER_LAW_END.search(before))


def normalise_title(title: str) -> str:
    """Title without the 中华人民共和国 prefix, so 《妇女权益保障法》 finds the full title."""
    return title[len(PREFIX):] if title.startswith(PREFIX) else title
