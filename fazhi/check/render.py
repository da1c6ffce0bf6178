"""What the build's own Markdown extensions would report, without building (never a twin).

The body is rendered with the site's extensions — `NumberingExtension` under the page's
scheme, and for law files `LawExtension` (structure, citations of missing articles) —
so `fazhi check` reports exactly what `mkdocs build` would. Raw HTML goes through
`fazhi.security.sanitize.find_unsafe_html`, the allow-list the security hook applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import markdown

from fazhi.diagnostics import Diagnostic
from fazhi.law.handbook import load_handbook
from fazhi.pages import PageExtensions, PageSource
from fazhi.security.sanitize import find_unsafe_html
from fazhi.settings import Settings
from fazhi.site.handbook import link_targets
from fazhi.check.source import Source


@dataclass
class Context:
    """Project-wide state shared by all files of one `fazhi check` run."""

    root: Path
    settings: Settings
    #: The site's Markdown extensions (mkdocs.yml markdown_extensions) and their options.
    extensions: list[str] = field(default_factory=list)
    extension_configs: dict[str, dict] = field(default_factory=dict)
    reported: set[Diagnostic] = field(default_factory=set)

    @cached_property
    def handbook(self):
        return load_handbook(self.settings.handbook_root(self.root))

    @cached_property
    def pages(self) -> PageExtensions:
        """fazhi's extensions, set up per file exactly as the build's hook does."""
        pages = PageExtensions(self.settings)
        pages.law_targets = link_targets(self.handbook)
        return pages


def check_rendering(source: Source, context: Context) -> list[Diagnostic]:
    pages = context.pages
    pages.begin(PageSource(source.path, source.uri, source.meta, source.body_offset))
    extensions: list = [*context.extensions, *pages.extensions]
    markdown.Markdown(extensions=extensions, extension_configs=context.extension_configs).convert(source.body)
    return pages.drain() + find_unsafe_html(source.text, source.path)


def check_handbook(context: Context) -> list[Diagnostic]:
    """Findings about the handbook as a whole (metadata, placement), reported once per run."""
    new = [d for d in context.handbook.diagnostics if d not in context.reported]
    context.reported.update(new)
    return new
