"""Python-Markdown extension: a 问答 or 以案释法 page with its citations linked and its 法律依据.

Active only for the page whose `PageSource.question` is set (a file in docs/wenda/)::

    <p class="fz-wenda-genre">问答</p>
    …the answer; 民法典第一千零七十七条 in it → <a class="fz-xref fz-xref-law" href="../handbook/x.md#t1077">
    <section class="fz-basis" aria-labelledby="fa-lv-yi-ju">
      <h2 id="fa-lv-yi-ju">法律依据</h2>
      <div class="fz-basis-item">
        <p class="fz-basis-cite"><a href="../handbook/x.md#t23-k1">《…》第二十三条第一款</a></p>
        <blockquote class="fz-basis-text" data-search-exclude>…the cited 条 or 款, as the law page shows it…</blockquote>
      </div>
    </section>

A citation the handbook cannot resolve (a law it does not hold, an article or 款 the law does not
have) is an error with file and line, and stays plain text; a citation of a law the handbook has
only in a superseded text is a warning: an answer must rest on the law in force. `fazhi check`
renders the page with the same extension (fazhi.pages), so both report the same.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from fazhi import contract
from fazhi.addresses import source_link
from fazhi.diagnostics import Collector, Diagnostic
from fazhi.law.citation import Citation, CitationError, Citations, Target
from fazhi.law.structure import Paragraph, Role, display_item_marker
from fazhi.page_source import PageSource
from fazhi.report.new import PLACEHOLDER
from fazhi.text.ids import slugify
from fazhi.wenda.question import BASIS_KEY, GENRE_KEY, GENRES, QUESTION, Question

GENRE_CLASS = "fz-wenda-genre"
BASIS_CLASS = "fz-basis"
BASIS_TITLE = "法律依据"
SUPERSEDED_NOTE = "（历史文本，已被修订）"
#: Elements whose text may hold citations; never inside a link or code.
_TEXT_TAGS = {"p", "li", "td", "th", "dd", "blockquote", "em", "strong"}
_SKIPPED = {"a", "code"}


class WendaExtension(Extension):
    """问答 pages: one instance per build, begun for each page (the interface of fazhi.page_source)."""

    def __init__(self, **kwargs) -> None:
        self.config = {}
        super().__init__(**kwargs)
        self.page = PageSource()
        self.diagnostics = Collector()

    @property
    def question(self) -> Question | None:
        return self.page.question

    @property
    def citations(self) -> Citations | None:
        return self.page.citations

    def begin_document(self, page: PageSource) -> None:
        self.page = page
        self.diagnostics.path, self.diagnostics.line_offset = page.path, page.line_offset

    def reset(self) -> None:
        """Nothing is kept between conversions: the page's state comes with begin_document."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_CitationLines(md, self), "fazhi_wenda_lines", 24)
        # After the law extension (7), before numbering (6) and toc (5), which keep the ids.
        md.treeprocessors.register(_WendaTreeprocessor(md, self), "fazhi_wenda", 6.5)

    def resolve(self, citation: Citation, line: int, *, absolute: bool = False) -> Target | None:
        """The citation's target, or None after saying why at `line` (a body line, or a file
        line when `absolute`)."""
        try:
            target = self.citations.resolve(citation)
        except CitationError as error:
            self.report(line, str(error), "error", absolute)
            return None
        if target.law.superseded:
            self.report(line, f"{target.label}：手册中的《{target.law.title}》只有已被修订的历史文本（{target.law.date}），"
                              "问答应以现行有效的文本为依据：请先把现行文本收入手册", "warning", absolute)
        return target

    def report(self, line: int, message: str, level: str, absolute: bool) -> None:
        """A finding at a body line, or at a file line (`absolute`: the front matter's)."""
        if absolute:  # a front matter line: the file's own line number
            self.diagnostics.items.append(Diagnostic(self.page.path, line, 1, level, message))
        else:
            self.diagnostics.add(line, message, level)

    def href(self, target: Target) -> str:
        link = source_link(target.law.src_uri, self.question.uri)
        return f"{link}#{target.anchor}" if target.anchor else link


class _CitationLines(Preprocessor):
    """Checks every citation of the answer where it is written, so messages cite its line."""

    def __init__(self, md: Markdown, ext: WendaExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        if self.ext.question is None or self.ext.citations is None:
            return lines
        for number, line in enumerate(lines, 1):
            for citation in self.ext.citations.find(line):
                self.ext.resolve(citation, number)
        return lines


class _WendaTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: WendaExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        question, citations = self.ext.question, self.ext.citations
        if question is None or citations is None:
            return
        self._check_front_matter(question)
        genre = etree.Element("p", {"class": GENRE_CLASS})
        genre.text = question.genre if question.genre in GENRES else QUESTION
        root.insert(0, genre)
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            if element.tag in _TEXT_TAGS and not _inside(element, parents, _SKIPPED):
                self._link(element)
        basis = [target for item in question.basis for target in self._basis(item.text, item.line)]
        if basis:
            root.append(self._basis_section(basis))

    def _check_front_matter(self, question: Question) -> None:
        if question.genre not in GENRES:
            self.ext.report(1, f"{GENRE_KEY}应为“{'”或“'.join(GENRES)}”，而不是“{question.genre}”", "warning", True)
        if not question.basis:
            self.ext.report(1, f"没有写{BASIS_KEY}：请在前置信息中列出答案所依据的条文，例如 {BASIS_KEY}: [《婚姻登记条例》第五条]",
                          "warning", True)

    def _basis(self, text: str, line: int) -> list[Target]:
        """The targets of one 依据 entry; an entry naming no article of a known law is an error."""
        if PLACEHOLDER in text:
            return []  # the template's prompt: reported by the placeholder check
        found = self.ext.citations.find(text)
        if not found:
            self.ext.report(line, f"看不出“{text}”引用的是哪部法律法规的哪一条：请写法规名称（或简称）和条号，"
                                "例如《婚姻登记条例》第五条、民法典第一千零七十七条", "error", True)
        return [t for t in (self.ext.resolve(c, line, absolute=True) for c in found) if t is not None]

    def _link(self, element: etree.Element) -> None:
        """Citations in the element's own text and in its children's tails become links."""
        if element.text:
            links = self._pieces(element.text)
            if links:
                element.text = links[0]
                for offset, link in enumerate(links[1:]):
                    element.insert(offset, link)
        for child in list(element):
            if child.tag in _SKIPPED or not child.tail:
                continue
            links = self._pieces(child.tail)
            if links:
                child.tail = links[0]
                position = list(element).index(child) + 1
                for offset, link in enumerate(links[1:]):
                    element.insert(position + offset, link)

    def _pieces(self, text: str) -> list:
        """[text before, a, a, …] (each link's tail the text after it); [] when nothing is linked."""
        links: list[etree.Element] = []
        lead, cursor = "", 0
        for citation in self.ext.citations.find(text):
            try:
                target = self.ext.citations.resolve(citation)
            except CitationError:
                continue  # reported with its line by _CitationLines
            link = etree.Element("a", {"class": f"{contract.XREF} {contract.XREF_LAW}", "href": self.ext.href(target)})
            link.text = text[citation.start:citation.end]
            if links:
                links[-1].tail = text[cursor:citation.start]
            else:
                lead = text[cursor:citation.start]
            links.append(link)
            cursor = citation.end
        if not links:
            return []
        links[-1].tail = text[cursor:]
        return [lead, *links]

    def _basis_section(self, targets: list[Target]) -> etree.Element:
        anchor = slugify(BASIS_TITLE)
        section = etree.Element("section", {"class": BASIS_CLASS, "aria-labelledby": anchor})
        heading = etree.SubElement(section, "h2", {"id": anchor})
        heading.text = BASIS_TITLE
        for target in targets:
            item = etree.SubElement(section, "div", {"class": f"{BASIS_CLASS}-item"})
            cite = etree.SubElement(item, "p", {"class": f"{BASIS_CLASS}-cite"})
            link = etree.SubElement(cite, "a", {"href": self.ext.href(target)})
            link.text = target.label
            if target.law.superseded:
                link.tail = SUPERSEDED_NOTE
            if target.article is not None:
                quote = etree.SubElement(item, "blockquote", {"class": f"{BASIS_CLASS}-text", "data-search-exclude": ""})
                for paragraph in _cited_paragraphs(target):
                    quote.append(_quoted(paragraph, target))
        return section


def _inside(element: etree.Element, parents: dict, tags: set[str]) -> bool:
    """Whether an ancestor of `element` is one of `tags` (a link is never put in a link)."""
    while element in parents:
        element = parents[element]
        if element.tag in tags:
            return True
    return False


def _cited_paragraphs(target: Target) -> list[Paragraph]:
    """The cited 款 (with its 项), or the whole article when no 款 is named; a cited 项 alone."""
    paragraphs = target.article.paragraphs
    unit = contract.parse_unit_anchor(target.anchor or "")
    if unit is None or unit.clause is None:
        return list(paragraphs)
    if unit.item is not None:
        return [p for p in paragraphs if p.anchor == target.anchor]
    return [p for p in paragraphs if p.clause == unit.clause]


def _quoted(paragraph: Paragraph, target: Target) -> etree.Element:
    """One paragraph of the law as its page shows it: the article number in bold, 项 markers full-width."""
    element = etree.Element("p")
    text = paragraph.text
    article = target.article
    if text.lstrip().startswith(article.written) and paragraph is article.paragraphs[0]:
        number = etree.SubElement(element, "strong")
        number.text = article.written
        number.tail = text.lstrip()[len(article.written):]
        return element
    if paragraph.role == Role.ITEM and paragraph.marker and text.startswith(paragraph.marker):
        text = display_item_marker(paragraph.marker) + text[len(paragraph.marker):]
    element.text = text
    return element
