"""The HTML contract: the class names and ids fazhi writes into pages and then reads back.

The law extension and the numbering extension write this markup; search, print, checks
and comparison pages read it. Every name lives here once, so a rename cannot quietly
break a reader. Anchors of law units are public addresses (people bookmark and cite
``#t10``): build them with `unit_anchor` and read them with `parse_unit_anchor`, never by
string surgery.

=====================  ===================
unit                   id
=====================  ===================
第十条                 ``t10``
第一百二十条之一       ``t120-1``
第十条第二款           ``t10-k2``
第十条第一款第（三）项 ``t10-k1-x3``
（三）项之下的目 2.     ``t10-k1-x3-m2``
第一编                 ``bian-1``
第一编第二分编         ``bian-1-fenbian-2``
第三章                 ``zhang-3``
第三章第一节           ``zhang-3-jie-1``
第二编第一章           ``bian-2-zhang-1``
第二编第一章第一节     ``bian-2-zhang-1-jie-1``
序言 (宪法)            ``xu-yan``
a repeat of an id      ``zhang-1--2``
=====================  ===================

In a law with 编 (a code), chapters restart in every 编, so a chapter's id and its
sections' ids are qualified by their 编; a law without 编 keeps ``zhang-N``. A 编 written
as a bare name (物权编) is numbered in order of appearance. Whatever the input (a
repeated heading, two laws pasted into one file), an id already on the page is never
given twice: a repeat gets ``--2``, ``--3`` (`repeat_anchor`), which is no unit's address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: div wrapping one 条: ``<div class="fz-article" id="t10">``.
ARTICLE = "fz-article"
#: The article's own number at the start of its first 款: ``<strong class="fz-article-num">第十条</strong>``.
ARTICLE_NUM = "fz-article-num"
#: 项 and 目 paragraphs inside an article.
ITEM = "fz-item"
SUBITEM = "fz-subitem"
#: The number of a 编/章/节 heading: ``<span class="fz-law-num">第一章</span>``.
LAW_NUM = "fz-law-num"
#: A generated heading number of a report (一、（一）): ``<span class="fz-num">一、</span>``.
HEADING_NUM = "fz-num"
#: A report heading that ends in 。 and is printed run-in with the paragraph after it.
RUN_IN = "fz-run-in"
#: A citation turned into a link; between laws it also carries XREF_LAW.
XREF = "fz-xref"
XREF_LAW = "fz-xref-law"
#: Under an article: the 问答 and 以案释法 that cite it (``<div class="fz-related">``).
RELATED = "fz-related"
#: 公文 parts that keep their own layout in print (title, signature block).
TITLE = "fz-title"
SIGNATURE = "fz-signature"

#: The heading-number classes search strips from titles when making pinyin keys.
HEADING_NUMBER_CLASSES = frozenset({HEADING_NUM, LAW_NUM})
#: Text that print must keep in one piece on the character grid.
SOLID_CLASSES = frozenset({HEADING_NUM, ARTICLE_NUM})

PREAMBLE_ANCHOR = "xu-yan"

_UNIT = re.compile(r"^t(?P<base>\d+)(?:-(?P<sub>\d+))?(?:-k(?P<clause>\d+)(?:-x(?P<item>\d+)(?:-m(?P<subitem>\d+))?)?)?$")


@dataclass(frozen=True)
class UnitAnchor:
    """Where a 条, 款, 项 or 目 sits, as numbers: 第十条第一款第（三）项 is (10, 0, 1, 3)."""

    base: int
    sub: int = 0
    clause: int | None = None
    item: int | None = None
    subitem: int | None = None

    @property
    def article(self) -> str:
        """The article's own anchor (t10, t120-1), whatever part this is."""
        return f"t{self.base}" + (f"-{self.sub}" if self.sub else "")

    @property
    def article_key(self) -> str:
        """The article anchor without its ``t`` (10, 120-1): what search's ``n`` field holds."""
        return self.article[1:]

    def __str__(self) -> str:
        return unit_anchor(self.base, self.sub, self.clause, self.item, self.subitem)


def unit_anchor(base: int, sub: int = 0, clause: int | None = None, item: int | None = None,
                subitem: int | None = None) -> str:
    """The id of a law unit; a 项 needs its 款, a 目 its 项."""
    anchor = f"t{base}" + (f"-{sub}" if sub else "")
    if clause is not None:
        anchor += f"-k{clause}"
        if item is not None:
            anchor += f"-x{item}"
            if subitem is not None:
                anchor += f"-m{subitem}"
    return anchor


def parse_unit_anchor(anchor: str) -> UnitAnchor | None:
    """The numbers in a law unit's id (None for anything else, e.g. a chapter's id)."""
    match = _UNIT.match(anchor)
    if not match:
        return None
    number = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    return UnitAnchor(**number)


def division_anchor(kind: str, number: int, *, bian: int = 0, chapter: int = 0) -> str:
    """The id of a 编, 分编, 章 or 节 heading.

    A 分编 is qualified by its 编, a 节 by its 章; inside a 编 (bian > 0) a 章 and its 节
    are qualified by the 编 too, since chapters restart in every 编.
    """
    code = f"bian-{bian}-" if bian else ""
    if kind == "编":
        return f"bian-{number}"
    if kind == "分编":
        return f"bian-{bian}-fenbian-{number}"
    if kind == "章":
        return f"{code}zhang-{number}"
    if kind == "节":
        return f"{code}zhang-{chapter}-jie-{number}"
    raise ValueError(f"unknown division kind {kind!r}")


def repeat_anchor(anchor: str, occurrence: int) -> str:
    """The id of the `occurrence`-th (2, 3 …) element that would otherwise repeat `anchor`."""
    return f"{anchor}--{occurrence}"
