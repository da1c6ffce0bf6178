"""What the build's own Markdown extensions would report, without building (never a twin).

The body is rendered with the site's extensions — `NumberingExtension` under the page's
scheme, for law files `LawExtension` (structure, citations of missing articles), for 问答
`WendaExtension` (citations of the handbook), and the raw-HTML allow-list `SanitizeExtension` — set up by `PageExtensions` exactly as the build's
pages step sets them up, so `fazhi check` reports exactly what `mkdocs build` would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import markdown

from fazhi.diagnostics import Diagnostic
from fazhi.law.handbook import Handbook, load_handbook
from fazhi.pages import PageExtensions, PageSource
from fazhi.wenda.question import read_questions
from fazhi.project import Project
from fazhi.check.source import Source


@dataclass
class Context:
    """Project-wide state shared by all files of one `fazhi check` run."""

    project: Project
    reported: set[Diagnostic] = field(default_factory=set)

    @cached_property
    def handbook(self) -> Handbook:
        addresses = self.project.addresses
        return load_handbook(addresses.handbook_dir, addresses.handbook_folder)

    @cached_property
    def pages(self) -> PageExtensions:
        """fazhi's extensions, set up per file exactly as the build's pages step does."""
        pages = PageExtensions(self.project.settings)
        pages.know(self.handbook, read_questions(self.project.addresses.wenda_dir))
        return pages


def check_rendering(source: Source, context: Context) -> list[Diagnostic]:
    pages, project = context.pages, context.project
    pages.begin(PageSource(source.path, source.uri, source.meta, source.body_offset))
    extensions: list = [*project.markdown_extensions, *pages.extensions]
    markdown.Markdown(extensions=extensions, extension_configs=dict(project.extension_configs)).convert(source.body)
    return pages.drain()


def check_handbook(context: Context) -> list[Diagnostic]:
    """Findings about the handbook as a whole (metadata, placement), reported once per run."""
    new = [d for d in context.handbook.diagnostics if d not in context.reported]
    context.reported.update(new)
    return new
