"""fazhi's per-page Markdown extensions (numbering, law structure, 问答, the HTML allow-list) in the build.

`PageExtensions` (fazhi.pages) owns the four; this step adds them to MkDocs' Markdown
extensions, begins them for each page before MkDocs converts it, and reports what they found
once it has (warnings and errors fail --strict).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from fazhi.law import continuity
from fazhi.pages import LAW_SCHEME, PageExtensions, PageSource
from fazhi.site import handbook as site
from fazhi.site.glue import front_matter_lines, log, report
from fazhi.site.steps.base import Step


class PageStep(Step):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.pages = PageExtensions()
        #: src_uri of a law page → the other versions of that law, found once per build (not per page).
        self.versions: dict[str, tuple] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pages.settings = self.build.settings
        for ext in self.pages.extensions:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        book = self.build.book
        self.pages.know(book, self.build.questions)
        self.versions = {law.src_uri: site.versions(book, law.src_uri) for law in book.laws}
        self.pages.law.link_counts.update(own=0, law=0)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        path = self.source_path(page.file)
        versions = self.versions.get(page.file.src_uri, ())
        scheme = self.pages.begin(PageSource(path, page.file.src_uri, page.meta, front_matter_lines(page, markdown),
                                             versions))
        if scheme == LAW_SCHEME:
            report(continuity.check_articles(page.file.content_string, path))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        report(self.pages.drain())
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        counts = self.pages.law.link_counts
        log.info(f"普法手册：生成条文链接{counts['own']}个、法规间链接{counts['law']}个")

    def source_path(self, file: File) -> str:
        """The page's file as staff know it (docs/reports/2024.md, laws/x.md), for messages."""
        return self.build.addresses.display(Path(file.abs_src_path)) if file.abs_src_path else file.src_path
