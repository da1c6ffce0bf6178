"""fazhi's Markdown extensions, set up for one page at a time: the build and `fazhi check` alike.

Both extensions keep per-page state (`begin_document`) because Python-Markdown converts page
after page with one extension instance. The page's numbering scheme decides what runs: the
numbering extension numbers headings under the scheme, and the law extension is active only
for `law` pages. Setting them up in one place means `fazhi check` renders a file exactly as
the build does, and the hooks do not repeat the append/begin/drain steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from markdown.extensions import Extension

from fazhi.diagnostics import Diagnostic
from fazhi.law.extension import LawExtension, LawTarget, PageSettings
from fazhi.report.extension import NumberingExtension
from fazhi.settings import Settings

LAW_SCHEME = "law"


@dataclass(frozen=True)
class PageSource:
    """What the extensions need to know of a page before converting it."""

    #: The file as staff know it (docs/reports/2024.md, handbook/x.md): messages cite it.
    path: str
    #: Where the page sits in the site (reports/2024.md, handbook/x.md): schemes match on it.
    uri: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: Source lines before the Markdown body (front matter), so messages cite file lines.
    line_offset: int = 0
    #: For a law page: the other versions of the same law (`fazhi.law.meta.Version`), oldest first.
    versions: tuple = ()


class PageExtensions:
    """One numbering and one law extension, reset for each page."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.numbering = NumberingExtension()
        self.law = LawExtension()
        #: Normalised law title → page, for citations between laws (set once the handbook is known).
        self.law_targets: Mapping[str, LawTarget] = {}

    @property
    def extensions(self) -> list[Extension]:
        return [self.numbering, self.law]

    def begin(self, page: PageSource) -> str:
        """Set both extensions up for `page`; returns its numbering scheme."""
        scheme = self.settings.scheme_for(page.uri, page.meta)
        self.numbering.begin_document(scheme, page.path, page.line_offset)
        self.law.begin_document(
            PageSettings(scheme == LAW_SCHEME, page.path, page.line_offset, page.meta, self.law_targets,
                         page.versions))
        return scheme

    def drain(self) -> list[Diagnostic]:
        """What the extensions found in the page just converted (and forget it)."""
        return self.numbering.diagnostics.drain() + self.law.diagnostics.drain()
