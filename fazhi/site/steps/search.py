"""fazhi's search index in the site: pages collected as built, the index written last.

Material's search plugin keeps its search box and index config but indexes nothing
(fazhi.site.material_search); fazhi.search.index writes the documents.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from fazhi.search.index import IndexBuilder
from fazhi.site.material_search import stop_material_indexing
from fazhi.site.steps.base import Step
from fazhi.text.segment import load_in_background
from fazhi.wenda.question import genre_of


class SearchStep(Step):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.index = IndexBuilder()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        stop_material_indexing(config.plugins)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """A full build starts afresh; `serve --dirty` rebuilds only changed pages, so keep the rest."""
        if not self.build.dirty:
            self.index = IndexBuilder()

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        genre = genre_of(self.build.questions, page.file.src_uri)
        self.index.add_page(page.url, page.title, html, page.meta, genre=genre)
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.index.write(Path(config.site_dir), store=self.build.project.root / ".cache" / "search")
        if self.build.serving:
            load_in_background()
