"""Small helpers the build's steps share: the plugin's logger, and source lines of a page."""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from fazhi.diagnostics import Diagnostic

log = get_plugin_logger("fazhi")


def front_matter_lines(page: Page, markdown: str) -> int:
    """How many source lines precede the Markdown body, so diagnostics cite file lines."""
    source = page.file.content_string
    index = source.rfind(markdown) if markdown else -1
    return source.count("\n", 0, index) if index > 0 else 0


def report(diagnostics: list[Diagnostic]) -> None:
    """Log findings through MkDocs so warnings and errors fail `mkdocs build --strict`."""
    for item in diagnostics:
        (log.error if item.level == "error" else log.warning if item.level == "warning" else log.info)(str(item))
