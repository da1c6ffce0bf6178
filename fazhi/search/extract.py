"""Cut a page's HTML into the pieces a reader lands on: the page, its headed sections, and
the articles of a law (`<div class="fz-article" id="t10">`, the handbook's contract).

Material's own parser only knows headings, so a law chapter would be one huge document and a
hit could not say which article it is in. Text inside an article belongs to the article only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from fazhi.contract import ARTICLE, ARTICLE_NUM, HEADING_NUMBER_CLASSES
from fazhi.text.invisible import ZERO_WIDTH_RE
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "object", "template"}
_BLOCKS = {"p", "li", "div", "br", "tr", "td", "th", "dd", "dt", "blockquote", "pre", "table", "section"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_INVISIBLE = ZERO_WIDTH_RE
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Display text: no zero-width characters, every run of white space one ASCII space."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


@dataclass
class Block:
    """One searchable piece of a page. `anchor` is None for the page itself."""

    anchor: str | None
    title: str = ""
    #: The heading without its generated number: what its pinyin key is made of.
    bare_title: str = ""
    #: The generated heading number (一、 （一） 第二章) the title starts with.
    number: str = ""
    text: str = ""
    #: The article's own number as printed (第十条); None for pages and headings.
    article: str | None = None
    _parts: list[str] = field(default_factory=list, repr=False)
    _title_parts: list[tuple[str, bool]] = field(default_factory=list, repr=False)

    def finish(self) -> None:
        self.text = clean("".join(self._parts))
        self.title = clean("".join(t for t, _ in self._title_parts)) or self.title
        self.bare_title = clean("".join(t for t, numbered in self._title_parts if not numbered)) or self.title
        self.number = clean("".join(t for t, numbered in self._title_parts if numbered))


class _Splitter(HTMLParser):
    """Streams the content HTML once; `blocks[0]` is the page, then sections and articles in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = [Block(anchor=None)]
        self._stack: list[tuple[str, set[str]]] = []   # (tag, roles) of open elements
        self._section = self.blocks[0]                 # where body text goes outside articles
        self._current = self.blocks[0]                 # where text goes now

    def _open_roles(self) -> set[str]:
        return set().union(*(roles for _, roles in self._stack)) if self._stack else set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self._current._parts.append(" ")
            return
        attr = {k: v or "" for k, v in attrs}
        classes = set(attr.get("class", "").split())
        roles: set[str] = set()
        if tag in _SKIPPED or "data-search-exclude" in attr or "headerlink" in classes:
            roles.add("skip")
        if tag in _HEADINGS and (tag == "h1" or attr.get("id")):
            roles.add("heading")
            self._start_heading(tag, attr.get("id"))
        elif tag == "div" and ARTICLE in classes and attr.get("id"):
            roles.add("article")
            self._current = Block(anchor=attr["id"])
            self.blocks.append(self._current)
        if ARTICLE_NUM in classes:
            roles.add("article-num")
        if HEADING_NUMBER_CLASSES & classes:
            roles.add("num")
        if tag in _BLOCKS:
            self._current._parts.append(" ")
        self._stack.append((tag, roles))

    def _start_heading(self, tag: str, anchor: str | None) -> None:
        if tag == "h1":
            self._current = self.blocks[0]
            return
        self._section = Block(anchor=anchor)
        self._current = self._section
        self.blocks.append(self._section)

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _ in self._stack):
            return
        while self._stack:
            open_tag, roles = self._stack.pop()
            if "article" in roles:
                self._current = self._section
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._current._parts.append(" ")

    def handle_data(self, data: str) -> None:
        roles = self._open_roles()
        if "skip" in roles:
            return
        block = self._current
        if "article-num" in roles:
            block.article = (block.article or "") + data.strip()
            block._title_parts.append((data, False))
        elif "heading" in roles:
            if block is not self.blocks[0]:
                block._title_parts.append((data, "num" in roles))
        else:
            block._parts.append(data)


def split_page(html: str, page_title: str) -> list[Block]:
    """Blocks of one page's content HTML; the first is the page itself, titled `page_title`."""
    splitter = _Splitter()
    splitter.feed(html)
    splitter.close()
    splitter.blocks[0].title = page_title
    for block in splitter.blocks:
        block.finish()
    return [b for b in splitter.blocks if b.anchor is None or b.title or b.text]
