"""Author-supplied HTML restricted to an allow-list; no script or outside request reaches the site.

Markdown lets an author write raw HTML (`<table>`, `<sup>`, but also `<script>`,
`<iframe>`, `onerror=`) and links of any scheme (`[x](javascript:...)`). The site is
an official public record, so:

* raw HTML the author wrote is cut down to `ALLOWED_TAGS` / `ALLOWED_ATTRIBUTES`,
  and every cut is an error naming file, line and column (fails `mkdocs build --strict`;
  a non-strict build still publishes only the cleaned page);
* links may only use `SAFE_SCHEMES` or stay on the site; images must be the site's own
  files (an outside image would be a request to another host);
* event-handler attributes set through `attr_list` (`{: onclick=... }`) are removed too.

Only the author's raw HTML is cleaned: HTML that extensions store (highlighted code,
the handbook's markup) is trusted. Author HTML is told apart by where Python-Markdown
stashes it: the `html_block` preprocessor and the `html` inline pattern.

The library sanitizers (nh3, bleach) clean whole fragments, but Python-Markdown stashes
inline HTML one tag at a time (`<sup>` and `</sup>` separately), which a fragment
cleaner would close or drop; so the cleaning here re-serialises tags from the standard
library's HTML tokenizer and never passes author text through unescaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape, unescape
from html.parser import HTMLParser
from typing import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from fazhi.diagnostics import Collector
from fazhi.page_source import PageSource

ALLOWED_TAGS = frozenset({
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "sup", "sub", "br", "span", "div", "p", "a", "img", "b", "i", "strong", "em", "u", "s",
    "del", "ins", "mark", "small", "abbr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "hr", "pre", "code", "kbd", "figure", "figcaption", "details", "summary",
})
#: Attributes every allowed tag may carry, then the extra ones per tag. `markdown` is
#: md_in_html's switch (Material's grid cards): Python-Markdown consumes it.
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "markdown"})
ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "name"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "details": frozenset({"open"}),
}
#: Elements whose content goes with them (a script's text is not text for readers).
DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Attributes that hold a URL a browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "background", "data", "xlink:href"})
#: Attributes whose URL is loaded with the page, so it must stay on the site.
LOADED_ATTRIBUTES = frozenset({"src", "poster", "background", "data"})
#: Material names its own elements __config, __search, __palette_0 …; an author element with such
#: an id would come first in the page and be taken for Material's (DOM clobbering).
RESERVED_ID_PREFIX = "__"
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")


def url_problem(value: str, *, loaded: bool = False) -> str | None:
    """Why a URL must not be published, or None.

    Browsers decode entities and ignore tabs and newlines inside a scheme
    (`java&#9;script:`), so the check does too. A `loaded` URL (image source)
    must be relative or site-absolute: anything with a host is an outside request.
    """
    plain = _CONTROL_AND_SPACE.sub("", unescape(value)).lower()
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return f"不安全的链接地址 {value.strip()[:60]}：只允许 http、https、mailto、tel 和本站地址"
    if loaded and (scheme or plain.startswith("//") or plain.startswith("\\\\")):
        return f"图片等资源地址 {value.strip()[:60]} 指向外部网站：只能使用本站文件（放在 docs/ 下，写相对路径）"
    return None


def attribute_problem(tag: str, name: str, value: str | None) -> str | None:
    """Why attribute `name` of an allowed `tag` in author HTML must go, or None."""
    if name not in GLOBAL_ATTRIBUTES and name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return f"不允许的 HTML 属性 {name}（<{tag}> 标签）：已从网页中删除"
    if name in URL_ATTRIBUTES:
        return url_problem(value or "", loaded=name in LOADED_ATTRIBUTES)
    if name in ("id", "name") and (value or "").startswith(RESERVED_ID_PREFIX):
        return f"HTML 属性 {name}=\"{value}\" 以 {RESERVED_ID_PREFIX} 开头，与网站程序使用的名称冲突：已删除"
    return None


class _Cleaner(HTMLParser):
    """Tokenises one piece of author HTML; writes back only allowed tags and attributes.

    Findings are (line, col, message) relative to the piece, 1-based line, 1-based col.
    `rewrite`, if given, maps each kept URL attribute's value (as written) to the one written back.
    """

    def __init__(self, rewrite: Callable[[str], str] | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.rewrite = rewrite
        self.out: list[str] = []
        self.findings: list[tuple[int, int, str]] = []
        self.dropping: list[str] = []

    def _finding(self, message: str, delta: int = 0) -> None:
        line, offset = self.getpos()
        tag_text = self.get_starttag_text() or ""
        before = tag_text[:delta]
        if "\n" in before:
            line += before.count("\n")
            offset = len(before) - before.rfind("\n") - 1
        else:
            offset += delta
        self.findings.append((line, offset + 1, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        if tag not in ALLOWED_TAGS:
            if not self.dropping or tag != self.dropping[-1]:
                self._finding(f"不允许的 HTML 标签 <{tag}>：已从网页中删除（允许的标签见 fazhi/sanitize.py）")
            if tag in DROP_CONTENT and not closed:
                self.dropping.append(tag)
            return
        if self.dropping:
            return
        kept = []
        lowered = (self.get_starttag_text() or "").lower()
        for name, value in attrs:
            problem = attribute_problem(tag, name, value)
            if problem:
                self._finding(problem, max(lowered.find(name), 0))
            else:
                if value is not None and self.rewrite and name in URL_ATTRIBUTES:
                    value = self.rewrite(value)
                kept.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
        self.out.append(f"<{' '.join([tag, *kept])}{' /' if closed else ''}>")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in ALLOWED_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False).replace("&amp;", "&"))

    def handle_entityref(self, name: str) -> None:
        if not self.dropping:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.dropping:
            self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        if not self.dropping and "--" not in data:
            self.out.append(f"<!--{data}-->")

    def unknown_decl(self, data: str) -> None:
        self._finding("不允许的 HTML 声明：已删除")

    def handle_pi(self, data: str) -> None:
        self._finding("不允许的 HTML 处理指令：已删除")


def clean_html(html: str, rewrite: Callable[[str], str] | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """The allowed part of `html`, and what was cut as (line, col, message) within `html`;
    `rewrite` maps the URLs that are kept (href, src) to the ones written back."""
    cleaner = _Cleaner(rewrite)
    cleaner.feed(html)
    cleaner.close()
    return "".join(cleaner.out), cleaner.findings


def _position(source: str, index: int) -> tuple[int, int]:
    """1-based (line, col) of character `index` of `source`."""
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1


class _AuthorHtmlInlineProcessor(HtmlInlineProcessor):
    """The stock inline-HTML pattern, remembering which stash entries it made."""

    def __init__(self, pattern: str, md: Markdown, ext: "SanitizeExtension") -> None:
        super().__init__(pattern, md)
        self.ext = ext

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        before = len(self.md.htmlStash.rawHtmlBlocks)
        result = super().handleMatch(m, data)
        self.ext.author_entries.extend(range(before, len(self.md.htmlStash.rawHtmlBlocks)))
        return result


class _SourceRecorder(Preprocessor):
    """Keeps the page's Markdown source as written, to cite its lines; starts a document."""

    def __init__(self, md: Markdown, ext: "SanitizeExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.source = "\n".join(lines)
        self.ext.author_entries = []
        self.ext.diagnostics.path = self.ext.getConfig("path")
        self.ext.diagnostics.line_offset = self.ext.getConfig("line_offset")
        return lines


class _StashCounter(Preprocessor):
    """Marks the stash entries made between its two instances (around `html_block`) as the author's.

    With md_in_html some entries are elements (an author `<div markdown>` and the raw HTML inside
    it), which md_in_html puts into the page tree itself: those are cleaned here, in place.
    """

    def __init__(self, md: Markdown, ext: "SanitizeExtension", *, closing: bool) -> None:
        super().__init__(md)
        self.ext = ext
        self.closing = closing

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        if not self.closing:
            self.ext.block_start = len(stash)
            return lines
        searched_from = 0
        for index in range(self.ext.block_start, len(stash)):
            if isinstance(stash[index], etree.Element):
                searched_from = _clean_element(stash[index], self.md, self.ext, searched_from)
            else:
                self.ext.author_entries.append(index)
        return lines


def _clean_element(root: etree.Element, md: Markdown, ext: "SanitizeExtension", searched_from: int) -> int:
    """Applies the allow-list in place to an author element md_in_html parsed (it goes into the
    page tree as it is, not through the stash cleaner); returns where the next search starts."""
    for element in list(root.iter()):
        tag = str(element.tag).lower()
        found = ext.source.find(f"<{element.tag}", searched_from)
        start = found if found >= 0 else ext.source.find(f"<{element.tag}")
        searched_from = max(searched_from, found + 1)
        tag_text = ext.source[max(start, 0):ext.source.find(">", max(start, 0)) + 1] if start >= 0 else ""
        if tag not in ALLOWED_TAGS:
            ext.report_at(start, f"不允许的 HTML 标签 <{tag}>：已从网页中删除（允许的标签见 fazhi/sanitize.py）")
            if tag in DROP_CONTENT:
                element.text = None
                for child in list(element):
                    element.remove(child)
            element.tag = "div" if md.is_block_level(tag) else "span"
            switch = element.get("markdown")
            element.attrib.clear()
            if switch is not None:  # md_in_html still parses its content as Markdown
                element.set("markdown", switch)
            continue
        for name, value in list(element.attrib.items()):
            problem = attribute_problem(tag, name.lower(), value)
            if problem:
                del element.attrib[name]
                at = tag_text.lower().find(name.lower())
                ext.report_at(start + at if start >= 0 and at >= 0 else start, problem)
    return searched_from


class _AttributeChecker(Treeprocessor):
    """Removes event handlers and unsafe URLs from elements Markdown made (links, images, attr_list)."""

    def __init__(self, md: Markdown, ext: "SanitizeExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name, value in list(element.attrib.items()):
                lowered = name.lower()
                if lowered.startswith("on"):
                    problem = f"不允许的 HTML 属性 {name}（事件处理程序）：已从网页中删除"
                elif lowered in URL_ATTRIBUTES:
                    problem = url_problem(value, loaded=lowered in LOADED_ATTRIBUTES or element.tag == "img")
                else:
                    continue
                if problem:
                    del element.attrib[name]
                    self.ext.report_at(self.ext.source.find(value if lowered in URL_ATTRIBUTES else name), problem)
            if element.tag in ("a", "img") and element.get("href" if element.tag == "a" else "src") is None:
                _unlink(element)


def _unlink(element: etree.Element) -> None:
    """A link or image whose URL was removed becomes plain text (MkDocs requires the URL on a/img)."""
    if element.tag == "img":
        element.text = element.get("alt", "")
    element.tag = "span"
    for name in ("href", "src", "alt", "title", "name"):
        element.attrib.pop(name, None)


class _StashCleaner(Postprocessor):
    """Cleans the author's raw HTML in the stash before `raw_html` puts it back into the page."""

    def __init__(self, md: Markdown, ext: "SanitizeExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks
        searched_from = 0
        for index in sorted(set(self.ext.author_entries)):
            raw = stash[index]
            stash[index], findings = clean_html(raw)
            if not findings:
                continue
            found = self.ext.source.find(raw.strip(), searched_from)
            if found < 0:
                found = self.ext.source.find(raw.strip())
            else:
                searched_from = found + 1
            start_line, start_col = _position(self.ext.source, max(found, 0))
            for line, col, message in findings:
                self.ext.diagnostics.add(start_line + line - 1, message, "error",
                                         start_col + col - 1 if line == 1 else col)
        return text


class SanitizeExtension(Extension):
    """Python-Markdown extension: allow-listed raw HTML, safe link schemes, local images.

    The build and `fazhi check` reuse one instance and call `begin_document` per page (the
    interface of fazhi.page_source), then drain `diagnostics` (all errors) and report them.
    """

    def __init__(self, **kwargs) -> None:
        self.config = {
            "path": ["<text>", "Source file named in diagnostics"],
            "line_offset": [0, "Source lines before the Markdown body (front matter)"],
        }
        super().__init__(**kwargs)
        self.diagnostics = Collector()
        self.source = ""
        self.author_entries: list[int] = []
        self.block_start = 0

    def begin_document(self, page: PageSource) -> None:
        self.setConfig("path", page.path)
        self.setConfig("line_offset", page.line_offset)

    def reset(self) -> None:
        """Forget the last page's source and stash entries (Python-Markdown calls it for each new converter)."""
        self.source, self.author_entries, self.block_start = "", [], 0

    def report_at(self, index: int, message: str) -> None:
        line, col = _position(self.source, index) if index >= 0 else (1, 1)
        self.diagnostics.add(line, message, "error", col)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # The source before `normalize_whitespace` (30) and fenced code (25) change its lines;
        # then count around the stock `html_block` preprocessor (20).
        md.preprocessors.register(_SourceRecorder(md, self), "fazhi_sanitize_source", 31)
        md.preprocessors.register(_StashCounter(md, self, closing=False), "fazhi_sanitize_before", 21)
        md.preprocessors.register(_StashCounter(md, self, closing=True), "fazhi_sanitize_after", 19)
        md.inlinePatterns.register(_AuthorHtmlInlineProcessor(HTML_RE, md, self), "html", 90)
        # After attr_list (8), numbering (6) and toc (5) have set attributes.
        md.treeprocessors.register(_AttributeChecker(md, self), "fazhi_sanitize_attributes", 3)
        # Before `raw_html` (30) restores the stash into the page.
        md.postprocessors.register(_StashCleaner(md, self), "fazhi_sanitize_stash", 35)
