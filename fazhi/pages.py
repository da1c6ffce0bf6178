"""fazhi's Markdown extensions, set up for one page at a time: the build and `fazhi check` alike.

Python-Markdown converts page after page with one instance of each extension, so each keeps
per-page state. `PageExtensions` owns all four and drives them through their one interface
(fazhi.page_source): `begin` hands each the page's `PageSource` (its numbering scheme decided
here from the settings), Python-Markdown's `reset()` clears what a conversion left, and `drain`
collects their findings. In the order they are registered (and so listed here):

=================  ===========================================================
numbering          heading numbers under the page's scheme (fazhi.report)
law                law structure, article ids and citation links (law pages only);
                   under each article cited by a 问答, the list of them
wenda              a 问答's citations linked and checked, its 法律依据 (问答 pages only)
sanitize           the raw-HTML allow-list: what is cut is an error (fazhi.security)
=================  ===========================================================

Setting them up in one place means `fazhi check` renders a file exactly as the build does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from markdown.extensions import Extension

from fazhi.diagnostics import Diagnostic
from fazhi.law.extension import LawExtension, LawTarget
from fazhi.addresses import source_link
from fazhi.law.citation import Citations
from fazhi.law.handbook import Handbook
from fazhi.page_source import LAW_SCHEME, PageSource
from fazhi.report.extension import NumberingExtension
from fazhi.security.sanitize import SanitizeExtension
from fazhi.settings import Settings
from fazhi.wenda.extension import WendaExtension
from fazhi.wenda.question import Question, cited_articles

__all__ = ["LAW_SCHEME", "PageExtensions", "PageSource", "law_targets"]


class PageExtensions:
    """The four per-page extensions of a build, begun for each page and drained after it."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.numbering = NumberingExtension()
        self.law = LawExtension()
        self.wenda = WendaExtension()
        self.sanitize = SanitizeExtension()
        #: Normalised law title → page, for citations between laws (set once the handbook is known).
        self.law_targets: Mapping[str, LawTarget] = {}
        #: The handbook's laws as 问答 cite them, the 问答 by site path, and which articles they
        #: cite (set by `know`, once the handbook and the 问答 folder are read).
        self.citations: Citations | None = None
        self.questions: dict[str, Question] = {}
        self.cited_by: dict[str, dict[str, tuple]] = {}

    @property
    def extensions(self) -> list[Extension]:
        return [self.numbering, self.law, self.wenda, self.sanitize]

    def know(self, book: Handbook, questions: list[Question]) -> None:
        """The handbook and the 问答 of this build (or `fazhi check` run)."""
        self.law_targets = law_targets(book)
        self.citations = Citations(book)
        self.questions = {q.uri: q for q in questions}
        self.cited_by = {law: {anchor: tuple((q, source_link(q.uri, law)) for q in cited)
                               for anchor, cited in articles.items()}
                         for law, articles in cited_articles(questions, self.citations).items()}

    def begin(self, page: PageSource) -> str:
        """Set every extension up for `page`; returns its numbering scheme."""
        page = replace(page, scheme=self.settings.scheme_for(page.uri, page.meta), law_targets=self.law_targets,
                       question=self.questions.get(page.uri), citations=self.citations,
                       cited_by=self.cited_by.get(page.uri, {}))
        for extension in self.extensions:
            extension.begin_document(page)
        return page.scheme

    def drain(self) -> list[Diagnostic]:
        """What the extensions found in the page just converted (and forget it)."""
        return [item for extension in self.extensions for item in extension.diagnostics.drain()]


def law_targets(book: Handbook) -> dict[str, LawTarget]:
    """Citation targets for law pages (all law pages sit side by side under handbook/)."""
    return {title: LawTarget(f"{law.stem}.md", law.anchors, law.excerpt is not None)
            for title, law in book.link_targets().items()}
