"""Python-Markdown extension: a law text rendered with its legal structure.

Active only for pages whose numbering scheme is `law` (`begin_document`). Markup other
parts of the site rely on (ids: see `fazhi.law`)::

    <h1>title</h1>
    <div class="fz-law-banner">…</div>          superseded texts only
    <div class="fz-notes"><p>题注 line</p>…</div>
    <dl class="fz-law-meta">…</dl>
    <h2 id="zhang-1"><span class="fz-law-num">第一章</span> 总则</h2>
    <div class="fz-article" id="t10">
      <p id="t10-k1"><strong class="fz-article-num">第十条</strong> 款 text</p>
      <p class="fz-item" id="t10-k1-x1">（一）项 text</p>
      <p class="fz-subitem" id="t10-k1-x1-m1">1.目 text</p>
    </div>

Under an article that a 问答 (fazhi.wenda) cites: ``<div class="fz-related">`` listing them.

Citations become links (`a.fz-xref`; between laws also `.fz-xref-law`); a citation of
an article that does not exist is a warning with file and line, and stays plain text.
In an excerpt, a citation of the code outside the excerpt is no error: it links to the
whole code when the handbook has it, else stays plain text.
In a code with 编, headings are levelled by kind (编 h2, 分编 h3, 章, 节 below), so the
page's table of contents and the PDF bookmarks nest 编 › 分编 › 章 › 节.
Runs before the numbering treeprocessor (priority 6), so headings keep these ids.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from enum import Enum
from typing import Iterator

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from fazhi import contract
from fazhi.diagnostics import Collector
from fazhi.page_source import PageSource
from fazhi.text.numerals import to_chinese
from fazhi.law import meta as law_meta
from fazhi.law.excerpt import excerpt_of
from fazhi.law.structure import (
    FORCE_BREAK,
    INFO_END,
    ITEM,
    Article,
    Heading,
    LawText,
    Paragraph,
    Role,
    blocks,
    display_item_marker,
    parse_blocks,
    part_bian,
)
from fazhi.text.invisible import is_blank, leading_invisible
from fazhi.law.xref import Reference, find_references, normalise_title

_HEADINGS = {f"h{n}" for n in range(1, 7)}
#: The heading of the list under an article that 问答 cite.
RELATED_TITLE = "相关问答"


@dataclass(frozen=True)
class LawTarget:
    """Another law of the handbook that citations may link to."""

    href: str  # relative to the current page's source, e.g. "cishan-fa.md"
    anchors: frozenset[str] = frozenset()
    #: An excerpt standing for its code: an article it does not hold is not linked at all.
    excerpt: bool = False


class LawPreprocessor(Preprocessor):
    """Reads the structure from the source lines, then drops the two marker comments."""

    def __init__(self, md: Markdown, ext: "LawExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        if not self.ext.page.is_law:
            return lines
        excerpt = excerpt_of(self.ext.page.meta)
        self.ext.law = parse_blocks(blocks(lines), part_bian(excerpt.part) if excerpt else 1)
        # Marker comments and lines of only invisible characters become blank lines, for
        # Markdown exactly as for the parser (a lone U+200B must not make a paragraph).
        return ["" if line.strip() in (INFO_END, FORCE_BREAK) or is_blank(line) else line for line in lines]


class LawTreeprocessor(Treeprocessor):
    """Gives the rendered paragraphs and headings their legal structure (see the module doc).

    The preprocessor parsed the same source lines, so the page's top-level p/h elements and
    the law's units correspond one to one, in order; anything else is a warning, not a guess.
    """

    def __init__(self, md: Markdown, ext: "LawExtension") -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if not self.ext.page.is_law or self.ext.law is None:
            return
        page, law, diagnostics = self.ext.page, self.ext.law, self.ext.diagnostics
        diagnostics.path, diagnostics.line_offset = page.path, page.line_offset
        elements = [el for el in root if el.tag == "p" or el.tag in _HEADINGS]
        units = list(_units(law))
        if len(elements) != len(units):
            diagnostics.add(
                law.title_line, f"法规正文有{len(units)}个段落和标题，页面只生成了{len(elements)}个，无法标注条文结构"
            )
            return
        _Renderer(root, law, page, diagnostics, self.ext.link_counts).render(list(zip(units, elements)))


class Unit(Enum):
    """What a top-level p/h element of a law page is."""

    TITLE = "title"
    NOTE = "note"  # a 题注 line
    ARTICLE = "article"  # the first 款 of an article
    PARAGRAPH = "paragraph"  # a further 款, 项 or 目
    HEADING = "heading"
    LOOSE = "loose"
    REPEAT = "repeat"  # a code's title or 题注 repeated before one of its parts: left out


def _units(law: LawText) -> Iterator[tuple[Unit, object]]:
    """The law's blocks in source order, each with its role, matching the page's p/h elements.

    Source order, not title-notes-body: a 编 heading may stand between the title and the 题注
    (民法典 parts), and a code's parts repeat the title and 题注 further down.
    """
    found: list[tuple[int, Unit, object]] = [(law.title_line, Unit.TITLE, None)] if law.title else []
    found += [(block.line, Unit.NOTE, block) for block in law.notes]
    found += [(block.line, Unit.REPEAT, block) for block in law.repeats]
    for unit in law.body:
        if isinstance(unit, Article):
            found += [(paragraph.line, Unit.ARTICLE if index == 0 else Unit.PARAGRAPH, (unit, paragraph))
                      for index, paragraph in enumerate(unit.paragraphs)]
        else:
            found.append((unit.line, Unit.HEADING if isinstance(unit, Heading) else Unit.LOOSE, unit))
    for _, role, unit in sorted(found, key=lambda item: item[0]):
        yield role, unit


def division_levels(headings: list[Heading]) -> dict[str, int]:
    """Heading level (2–6) of each 编/分编/章/节 of a code, by anchor; {} for a law without 编.

    编 h2 and 分编 h3; a 章 sits one below its 编 or 分编, a 节 one below its 章. So a code's
    chapters are h3 where a 编 has no 分编, and the table of contents (h2–h4) keeps every
    section except under a 分编.
    """
    if not any(h.kind == "编" for h in headings):
        return {}
    levels: dict[str, int] = {}
    parent = chapter = 1
    for heading in headings:
        if heading.kind == "编":
            level = parent = 2
        elif heading.kind == "分编":
            level = parent = 3
        elif heading.kind == "章":
            level = chapter = parent + 1
        elif heading.kind == "节":
            level = max(chapter, parent + 1) + 1
        else:
            continue
        levels[heading.anchor] = min(6, level)
    return levels


class _Renderer:
    """Rebuilds the page's top-level elements into the structure described above."""

    def __init__(self, root, law: LawText, page: PageSource, diagnostics: Collector, link_counts) -> None:
        self.root, self.law, self.page, self.diagnostics = root, law, page, diagnostics
        self.link_counts = link_counts
        self.own_title = normalise_title(law.title)
        self.article_index = {a.number: i for i, a in enumerate(law.articles)}
        self.excerpt = excerpt_of(page.meta)
        #: Heading level of each division of a code, by anchor; {} keeps the source levels.
        self.levels = division_levels(law.headings)

    def render(self, pairs: list[tuple[tuple[Unit, object], etree.Element]]) -> None:
        children = list(self.root)
        self.root.clear()
        notes = [unit for (role, unit), _ in pairs if role is Unit.NOTE]
        structured = iter(pairs)
        box: etree.Element | None = None
        if not self.law.title:
            self._after_title(notes)
        for el in children:
            # p/h elements are the law's units in order (checked by the caller); others pass through.
            role, unit = next(structured)[0] if el.tag == "p" or el.tag in _HEADINGS else (None, None)
            if role is Unit.TITLE:
                self.root.append(self._title(el))
                self._after_title(notes)
            elif role in (Unit.NOTE, Unit.REPEAT):
                continue
            elif role in (Unit.ARTICLE, Unit.PARAGRAPH):
                article, paragraph = unit
                if role is Unit.ARTICLE:
                    box = etree.SubElement(self.root, "div", {"class": contract.ARTICLE, "id": article.anchor})
                box.append(self._paragraph(el, article, paragraph, first=role is Unit.ARTICLE))
            elif role is Unit.HEADING:
                self.root.append(self._heading(el, unit))
            else:
                self.root.append(el)
        self._related()

    def _related(self) -> None:
        """Under each article a 问答 cites, the list of them (fazhi.wenda): not searched as the
        article's text, not printed."""
        for box in list(self.root.iter("div")):
            cited = self.page.cited_by.get(box.get("id") or "")
            if not cited or contract.ARTICLE not in (box.get("class") or "").split():
                continue
            related = etree.SubElement(box, "div", {"class": contract.RELATED, "data-search-exclude": ""})
            title = etree.SubElement(related, "p", {"class": f"{contract.RELATED}-title"})
            title.text = RELATED_TITLE
            listing = etree.SubElement(related, "ul")
            for question, href in cited:
                link = etree.SubElement(etree.SubElement(listing, "li"), "a", {"href": href})
                link.text = question.title
                if question.is_case:
                    link.tail = f"（{question.genre}）"

    def _after_title(self, notes) -> None:
        parts = (law_meta.banner(self.page.meta), law_meta.notes(notes),
                 law_meta.metadata(self.page.meta, self.excerpt, self.page.versions))
        for part in parts:
            if part is not None:
                self.root.append(part)

    def _title(self, el: etree.Element) -> etree.Element:
        """The title; an excerpt's says so (the part it holds follows as its 编 heading)."""
        if self.excerpt:
            mark = etree.SubElement(el, "span", {"class": law_meta.EXCERPT_CLASS})
            mark.text = f"（{law_meta.EXCERPT_MARK}）"
        return el

    def _heading(self, el: etree.Element, heading: Heading) -> etree.Element:
        if heading.anchor:
            el.set("id", heading.anchor)
        if heading.anchor in self.levels:
            el.tag = f"h{self.levels[heading.anchor]}"
        if heading.number_length and el.text and len(el) == 0:
            span = etree.Element("span", {"class": contract.LAW_NUM})
            span.text, span.tail = el.text[: heading.number_length], el.text[heading.number_length:]
            el.text = None
            el.insert(0, span)
        return el

    def _paragraph(self, el: etree.Element, article: Article, paragraph: Paragraph, first: bool) -> etree.Element:
        el.set("id", paragraph.anchor or "")
        if first:
            text = el.text or ""
            lead = leading_invisible(text)
            if not text[len(lead):].startswith(article.written):
                self.diagnostics.add(paragraph.line, f"{article.number.label}的条号未能在页面中标出")
                return el
            number = etree.Element("strong", {"class": contract.ARTICLE_NUM})
            number.text, number.tail = article.written, text[len(lead) + len(article.written):]
            el.text = lead or None
            el.insert(0, number)
        if paragraph.role == Role.SUBITEM:
            el.set("class", contract.SUBITEM)
        if paragraph.role == Role.ITEM:
            el.set("class", contract.ITEM)
            marker = ITEM.match(el.text or "")
            if marker:
                written = marker.group(0)[len(marker["lead"]):]
                el.text = marker["lead"] + display_item_marker(written) + el.text[marker.end():]
        self._link(el, article, paragraph)
        return el

    def _link(self, el: etree.Element, article: Article, paragraph: Paragraph) -> None:
        """Turn citations in the paragraph's own text (never the article number) into links."""
        segments = [(None, el)] + [(child, None) for child in el]
        for child, parent in segments:
            text = parent.text if parent is not None else child.tail
            refs = find_references(text or "")
            if not refs:
                continue
            pieces = self._pieces(text, refs, article, paragraph)
            if parent is not None:
                parent.text = pieces[0]
                for offset, link in enumerate(pieces[1:]):
                    parent.insert(offset, link)
            else:
                child.tail = pieces[0]
                position = list(el).index(child) + 1
                for offset, link in enumerate(pieces[1:]):
                    el.insert(position + offset, link)

    def _pieces(self, text: str, refs: list[Reference], article: Article, paragraph: Paragraph) -> list:
        """[leading text, a, a, …] with each link's tail holding the text after it."""
        leading = ""
        links: list[etree.Element] = []
        cursor = 0
        for ref in refs:
            href, kind = self._target(ref, article, paragraph)
            if href is None:
                continue
            classes = f"{contract.XREF} {contract.XREF_LAW}" if kind == "law" else contract.XREF
            link = etree.Element("a", {"class": classes, "href": href})
            link.text = text[ref.start:ref.end]
            gap = text[cursor:ref.start]
            if links:
                links[-1].tail = gap
            else:
                leading = gap
            links.append(link)
            cursor = ref.end
            self.link_counts[kind] += 1
        if not links:
            return [text]
        links[-1].tail = text[cursor:]
        return [leading, *links]

    def _target(self, ref: Reference, article: Article, paragraph: Paragraph) -> tuple[str | None, str]:
        """(href, "law" or "own") for a citation; None when it must stay plain text."""
        if ref.foreign:
            return None, "own"
        if ref.law is not None:
            target = self.page.law_targets.get(normalise_title(ref.law))
            if target is None or normalise_title(ref.law) == self.own_title:
                return None, "law"
            if ref.kind == "law":
                return target.href, "law"
            anchor = ref.article.anchor
            if anchor in target.anchors:
                return f"{target.href}#{anchor}", "law"
            return (None if target.excerpt else target.href), "law"
        if ref.kind == "previous-article":
            return self._previous_article(ref, article, paragraph), "own"
        if ref.kind == "previous-clause":
            return self._previous_clause(ref, article, paragraph), "own"
        if ref.kind == "this-article":
            return self._part_of(article, ref, paragraph), "own"
        target = self.law.article(ref.article)
        if target is None and self.excerpt and not self.excerpt.covers(ref.article):
            return self._whole_code(ref), "law"
        if target is None:
            self.diagnostics.add(paragraph.line, f"引用的{ref.article.label}在本法规中不存在，未生成链接")
            return None, "own"
        return self._part_of(target, ref, paragraph), "own"

    def _whole_code(self, ref: Reference) -> str | None:
        """An article of the code outside this excerpt: on the whole code's page, if the handbook has it."""
        code = self.page.law_targets.get(self.own_title)
        if code is None or code.excerpt:  # no whole code here (an excerpt may stand for it)
            return None
        anchor = ref.article.anchor
        return f"{code.href}#{anchor}" if anchor in code.anchors else code.href

    def _part_of(self, target: Article, ref: Reference, paragraph: Paragraph) -> str:
        """The most precise anchor for the 款/项 cited in `target`; a missing part warns."""
        anchor = target.number.anchor
        if ref.clause is not None:
            anchor = target.clause_anchor(ref.clause) or self._missing(
                paragraph, f"{target.number.label}没有第{to_chinese(ref.clause)}款", anchor)
        if ref.item is not None:
            anchor = target.item_anchor(ref.item, ref.clause) or self._missing(
                paragraph, f"{target.number.label}没有第（{to_chinese(ref.item)}）项", anchor)
        return f"#{anchor}"

    def _missing(self, paragraph: Paragraph, message: str, fallback: str) -> str:
        self.diagnostics.add(paragraph.line, f"引用的{message}，链接指向该条")
        return fallback

    def _previous_article(self, ref: Reference, article: Article, paragraph: Paragraph) -> str | None:
        index = self.article_index[article.number] - ref.count
        if index < 0:
            self.diagnostics.add(paragraph.line, f"{article.number.label}引用“前条”，但它之前没有条文")
            return None
        if ref.count > 1:
            return f"#{article.number.anchor}"
        return self._part_of(self.law.articles[index], ref, paragraph)

    def _previous_clause(self, ref: Reference, article: Article, paragraph: Paragraph) -> str | None:
        clause = paragraph.clause
        if clause - ref.count < 1:
            where = f"{article.number.label}第{to_chinese(clause)}款"
            self.diagnostics.add(paragraph.line, f"{where}引用“前款”，但它之前没有款")
            return None
        if ref.count > 1:
            return f"#{article.number.anchor}"
        previous = article.item_anchor(ref.item, clause - 1) if ref.item is not None else None
        return f"#{previous or article.clause_anchor(clause - 1)}"


class LawExtension(Extension):
    """Law pages rendered with their structure: one instance per build, set per page.

    `begin_document` tells it the page about to be converted (only pages whose numbering
    scheme is `law` are touched); findings collect in `diagnostics` for the owner to report
    (the interface of fazhi.page_source).
    """

    def __init__(self, **kwargs) -> None:
        self.config = {}
        super().__init__(**kwargs)
        self.page = PageSource()
        self.law: LawText | None = None
        self.diagnostics = Collector()
        #: Links generated in this build: {"own": n, "law": m}.
        self.link_counts: dict[str, int] = {"own": 0, "law": 0}

    def begin_document(self, page: PageSource) -> None:
        self.page = page

    def reset(self) -> None:
        """Forget the last page's parsed law (Python-Markdown calls it for each new converter)."""
        self.law = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After normalize_whitespace (30), before html_block (20) hides the comments.
        md.preprocessors.register(LawPreprocessor(md, self), "fazhi_law_structure", 25)
        # After attr_list (8), before fazhi_numbering (6) and toc (5), which keep these ids.
        md.treeprocessors.register(LawTreeprocessor(md, self), "fazhi_law", 7)


def makeExtension(**kwargs) -> LawExtension:  # noqa: N802 (Python-Markdown API)
    return LawExtension(**kwargs)
