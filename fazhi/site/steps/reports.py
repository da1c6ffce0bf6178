"""The 公文 report layout and the yearly archive in the site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from fazhi.addresses import REPORT_FILE
from fazhi.report import archive, gongwen
from fazhi.site import reports as site
from fazhi.site.steps.base import Step


class ReportStep(Step):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.entries: list[archive.ReportEntry] = []

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        found = [(f.src_uri, f.url, get_data(f.content_string)[1])
                 for f in files.documentation_pages() if REPORT_FILE.match(f.src_uri)]
        self.entries = archive.entries(found)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if archive.LIST_MARKER in markdown:
            table = archive.list_markdown(self.entries, pdf=self.build.settings.pdf.enabled)
            markdown = markdown.replace(archive.LIST_MARKER, table)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return gongwen.wrap_report(html, page.meta) if gongwen.is_report(page.meta) else html

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return site.arrange_nav(nav)
