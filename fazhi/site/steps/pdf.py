"""Print in the site: 打印/下载PDF links on report and law pages, the PDFs after the build.

Its on_page_content comes after the reports step's, so page.content already holds the 公文
head and signature and the law structure. With PDFs off (FAZHI_PDF=0) there are no PDFs and no
links. Under `mkdocs serve` the PDFs are rendered in the background after each rebuild, so the
preview reloads at once.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from fazhi.addresses import HANDBOOK_BOOKLET_PDF, HANDBOOK_INDEX, HANDBOOK_PDF, pdf_path
from fazhi.site.glue import log
from fazhi.site.steps.base import Step


class PdfStep(Step):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.pdfs = None  # fazhi.pdf.build.PdfBuild of this build, when PDFs are on

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pdfs = None
        if self.build.settings.pdf.enabled:
            # Imported only when PDFs are on: WeasyPrint and fontTools cost ~0.5 s of start-up.
            from fazhi.pdf import build, fonts, render

            settings = build.PdfSettings.from_site(self.build.settings, config.site_url)
            faces = fonts.configured_faces(settings.fonts)
            renderer = render.Renderer(build.cache_dir(config.config_file_path), faces)
            self.pdfs = build.PdfBuild(settings, renderer, docs_dir=Path(config.docs_dir))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.pdfs is not None:
            from fazhi.pdf import frontmatter_pages

            self.pdfs.book = self.build.book
            self.pdfs.preface = frontmatter_pages.read_preface(self.build.addresses.handbook_dir)
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.pdfs is None:
            return html
        from fazhi.pdf.build import links_html

        src_uri = page.file.src_uri
        if self.pdfs.capture(html, src_uri, page.meta, page.title, page.url):
            return links_html(page.url, pdf_path(src_uri)) + html
        if src_uri == HANDBOOK_INDEX:
            return links_html(page.url, HANDBOOK_PDF, [("下载小册子拼版PDF", HANDBOOK_BOOKLET_PDF)]) + html
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.pdfs is None:
            return
        from fazhi.pdf import build

        pdfs = self.pdfs

        def done(written: list[str]) -> None:
            log.info(f"PDF：{len(written)}个文件，新生成{pdfs.renderer.rendered}个、"
                     f"沿用缓存{pdfs.renderer.reused}个，用时{sum(pdfs.timings.values()):.1f}秒")

        if self.build.serving:
            build.write_in_background(pdfs, Path(config.site_dir), done)
        else:
            done(pdfs.write(Path(config.site_dir)))
