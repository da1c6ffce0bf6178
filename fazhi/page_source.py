"""The page about to be converted, as each of fazhi's Python-Markdown extensions sees it.

Python-Markdown converts page after page with one instance of each extension, so each keeps
per-page state. The four of them — heading numbers (fazhi.report.extension), law structure
(fazhi.law.extension), 问答 pages (fazhi.wenda.extension) and the raw-HTML allow-list
(fazhi.security.sanitize) — share one interface, which `fazhi.pages.PageExtensions` drives for the build and for `fazhi check` alike:

- `begin_document(page)`: the `PageSource` of the page converted next;
- `reset()`: Python-Markdown's own hook (called when a converter is made or reset), which clears
  what the last conversion left behind;
- `diagnostics`: a `fazhi.diagnostics.Collector` of findings, drained by the owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: The numbering scheme of law pages: the law extension is active only under it.
LAW_SCHEME = "law"


@dataclass(frozen=True)
class PageSource:
    #: The file as staff know it (docs/reports/2024.md, handbook/x.md): messages cite it.
    path: str = "<text>"
    #: Where the page sits in the site (reports/2024.md, handbook/x.md): schemes match on it.
    uri: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: Source lines before the Markdown body (front matter), so messages cite file lines.
    line_offset: int = 0
    #: For a law page: the other versions of the same law (`fazhi.law.meta.Version`), oldest first.
    versions: tuple = ()
    #: The page's numbering scheme (fazhi.report.numbering.SCHEMES); set by PageExtensions.
    scheme: str = "none"
    #: Normalised law title → `fazhi.law.extension.LawTarget`, for citations between laws.
    law_targets: Mapping[str, Any] = field(default_factory=dict)
    #: For a 问答 page: its `fazhi.wenda.question.Question` (None for every other page).
    question: Any = None
    #: The handbook's laws as 问答 cite them (`fazhi.law.citation.Citations`).
    citations: Any = None
    #: For a law page: article anchor (t23) → ((question, link to its page), …) citing it.
    cited_by: Mapping[str, tuple] = field(default_factory=dict)

    @property
    def is_law(self) -> bool:
        return self.scheme == LAW_SCHEME
