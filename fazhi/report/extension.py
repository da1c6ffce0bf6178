"""Python-Markdown extension: Chinese 公文 heading numbers as real text, pinyin ids.

Usable in any Python-Markdown pipeline::

    markdown.markdown(text, extensions=[NumberingExtension(scheme="gongwen")])

The build and `fazhi check` reuse one instance and set `scheme`, `path` and `line_offset` per
page (`begin_document`, the interface of fazhi.page_source), then drain `diagnostics`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from fazhi import contract
from fazhi.text import ids
from fazhi.diagnostics import Collector
from fazhi.page_source import PageSource
from fazhi.text.fences import outside_fences
from fazhi.report.numbering import SCHEMES, Counters, marker, read_manual_number, style_for

HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_ATX = re.compile(r"^(#{1,6})(.*?)#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
#: A heading ending with a full stop is a run-in sentence (（一）加强普查宣传，创新宣传形式。):
#: printed on one line with the paragraph that follows it.
RUN_IN_END = ("。", "！", "？", "；", "：")


class HeadingLineRecorder(Preprocessor):
    """Notes the source line of every heading, before fenced code hides any lines."""

    def __init__(self, md: Markdown, ext: "NumberingExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.heading_lines = list(heading_lines(lines))
        return lines


def heading_lines(lines: list[str]):
    """Yield (line number, level) of ATX and setext headings outside fenced code."""
    for index, line in outside_fences(lines):
        atx = _ATX.match(line)
        if atx:
            yield index + 1, len(atx.group(1))
            continue
        previous = lines[index - 1] if index else ""
        before = lines[index - 2] if index > 1 else ""
        if _SETEXT.match(line) and previous.strip() and not before.strip() and not _ATX.match(previous):
            yield index, 1 if line.lstrip().startswith("=") else 2


class NumberingTreeprocessor(Treeprocessor):
    """Numbers h2–h6 in document order under the page's scheme.

    The number is real text (span.fz-num) so it reaches the TOC, search and copy-paste; a
    number the author typed is removed first and, when it disagrees with the position,
    reported with its source line. Ids come from the heading text without its number, so
    inserting a section moves no other id.
    """

    def __init__(self, md: Markdown, ext: "NumberingExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        scheme = self.ext.getConfig("scheme")
        if scheme not in SCHEMES:
            raise ValueError(f"unknown numbering scheme {scheme!r}; known: {', '.join(SCHEMES)}")
        diagnostics = self.ext.diagnostics
        diagnostics.path = self.ext.getConfig("path")
        diagnostics.line_offset = self.ext.getConfig("line_offset")
        used = ids.UniqueIds({el.get("id") for el in root.iter() if el.get("id")})
        counters = Counters()
        lines = iter(self.ext.heading_lines)
        for el in root.iter():
            level = HEADING_TAGS.get(el.tag) if isinstance(el.tag, str) else None
            if level is None:
                continue
            line = next((n for n, lvl in lines if lvl == level), 0)
            text = number_heading(el, level, scheme, counters, diagnostics, line)
            if "id" not in el.attrib:
                el.set("id", used.claim(ids.slugify(text)))


def number_heading(
    el: etree.Element, level: int, scheme: str, counters: Counters, diagnostics: Collector, line: int
) -> str:
    """Strip a hand-typed number, insert the positional one; return the bare heading text."""
    text = (el.text or "").lstrip()
    manual = read_manual_number(text)
    expected_style = style_for(scheme, level)
    if manual and expected_style:
        text = text[len(manual.text):]
        el.text = text
    full = text + "".join(etree.tostring(c, encoding="unicode", method="text") for c in el)
    if full.rstrip().endswith(RUN_IN_END):
        el.set("class", " ".join(filter(None, [el.get("class"), contract.RUN_IN])))
    if expected_style is None:
        return full
    skipped = counters.skipped_parent(level)
    if skipped:
        diagnostics.add(line, f"标题层级跳级：{level}级标题“{full}”之前缺少{skipped}级标题")
    position = counters.next(level)
    number = marker(scheme, level, position)
    if manual:
        _check_manual(manual, expected_style, position, number, full, diagnostics, line)
    if not full.strip():
        diagnostics.add(line, f"标题只有编号“{manual.text.strip() if manual else ''}”，没有标题文字")
    span = etree.Element("span", {"class": contract.HEADING_NUM})
    span.text = number
    span.tail = el.text
    el.text = None
    el.insert(0, span)
    return full


def _check_manual(manual, expected_style, position, number, text, diagnostics, line) -> None:
    if manual.style == expected_style and manual.value == position:
        return
    diagnostics.add(
        line,
        f"标题“{manual.text.strip()}{text}”手写的编号“{manual.text.strip()}”与位置不符，"
        f"按位置应为“{number}”；已去掉手写编号并自动编号",
    )


class NumberingExtension(Extension):
    """Heading numbering (一、（一）1.（1）) as a Python-Markdown extension.

    One instance serves a whole build: `begin_document` sets the scheme, the file and its
    line offset before each page, and findings collect in `diagnostics` until drained.
    """

    def __init__(self, **kwargs) -> None:
        self.config = {
            "scheme": ["gongwen", "Numbering scheme: " + ", ".join(SCHEMES)],
            "path": ["<text>", "Source path shown in diagnostics"],
            "line_offset": [0, "Lines before the Markdown body (front matter) for diagnostics"],
        }
        super().__init__(**kwargs)
        self.diagnostics = Collector()
        self.heading_lines: list[tuple[int, int]] = []

    def begin_document(self, page: PageSource) -> None:
        """Set per-page options before the next page is converted with this instance."""
        self.setConfig("scheme", page.scheme)
        self.setConfig("path", page.path)
        self.setConfig("line_offset", page.line_offset)

    def reset(self) -> None:
        """Forget the last page's heading lines (Python-Markdown calls it for each new converter)."""
        self.heading_lines = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(HeadingLineRecorder(md, self), "fazhi_heading_lines", 35)
        # After attr_list (8) so custom {#ids} win, before toc (5) so the TOC shows numbers.
        md.treeprocessors.register(NumberingTreeprocessor(md, self), "fazhi_numbering", 6)


def makeExtension(**kwargs) -> NumberingExtension:  # noqa: N802 (Python-Markdown API)
    return NumberingExtension(**kwargs)
