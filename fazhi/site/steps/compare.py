"""新旧对照 in the site: a comparison page per pair of law versions, links on both law pages,
and (when PDFs are on) an A4 landscape PDF of each 对照表."""

from __future__ import annotations

import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from fazhi.addresses import is_law_uri, pdf_path
from fazhi.compare.comparison import Comparison, compare_versions
from fazhi.compare.html import body_html
from fazhi.compare.pairs import Pair, handbook_pairs
from fazhi.law.meta import COMPARISONS
from fazhi.site import compare as site
from fazhi.site.glue import log
from fazhi.site.steps.base import Step


class CompareStep(Step):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.pairs: list[Pair] = []
        #: src_uri of a comparison page → its Comparison, for the PDFs.
        self.made: dict[str, Comparison] = {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.pairs = handbook_pairs(self.build.book)
        self.made.clear()
        return site.mount(files, config, self.pairs)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if is_law_uri(page.file.src_uri):
            links = site.law_links(self.pairs, Path(page.file.src_uri).stem, page.file.src_uri)
            if links:
                page.meta[COMPARISONS] = links
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        pair = next((p for p in self.pairs if p.src_uri == page.file.src_uri), None)
        if pair is None:
            return html
        comparison = compare_versions(pair.old, pair.new)
        self.made[pair.src_uri] = comparison
        pdf_bar = ""
        if self.build.settings.pdf.enabled:
            from fazhi.pdf.build import links_html

            pdf_bar = links_html(page.url, pdf_path(pair.src_uri))
        return html + pdf_bar + body_html(comparison, site.article_link(pair, page.url))

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.build.settings.pdf.enabled or not self.made:
            return
        from fazhi.compare.pdf import write_pdfs
        from fazhi.pdf import build

        jobs = [(c, Path(config.site_dir) / pdf_path(uri)) for uri, c in sorted(self.made.items())]
        bureau, cache = self.build.settings.bureau, build.cache_dir(config.config_file_path)

        def run() -> None:
            with build.render_lock():
                rendered, reused = write_pdfs(jobs, cache, bureau)
            log.info(f"新旧对照：{len(jobs)}个对照表PDF，新生成{rendered}个、沿用缓存{reused}个")

        if self.build.serving:  # like the other PDFs under `mkdocs serve`: after the page has reloaded
            threading.Thread(target=run, name="fazhi-duizhao-pdf", daemon=True).start()
        else:
            run()
