"""The shape of one search document: what the index writes and docs/assets/search/worker.js reads."""

from __future__ import annotations

from typing import TypedDict


class SearchDocument(TypedDict, total=False):
    """A page, a headed section of a page, or an article of a law.

    page     location "handbook/binzang-guanli-tiaoli/", title, text; law pages add law
             (title, short names…) and, for old texts, status "superseded"; pinyin
    section  location "…/#zhang-2", title "第二章 殡葬设施管理", num "第二章" (the generated
             number the title starts with; the pinyin key is made without it), text, pinyin
    article  location "…/#t4", article "第四条", n "4" ("120-1" for 之一), text

    Text is clean (no zero-width segmentation marks), so snippets display as written and
    phrases match as written. In the written index the text sits in the parts (fazhi.search.parts).
    """

    location: str
    title: str
    text: str
    num: str
    law: list[str]
    status: str
    pinyin: str
    article: str
    n: str
    #: Front matter search.boost of the page (新旧对照: 0.1): scales the document's score.
    boost: float
    #: 问答 or 以案释法: the page answers a question (fazhi.wenda); the worker ranks it first.
    genre: str
