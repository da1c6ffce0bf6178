"""The 普法宣传手册 in the site: the handbook folder mounted under handbook/, its navigation.

Law pages are rendered by the law extension, which the pages step sets up per page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from fazhi.site import handbook as site
from fazhi.site.glue import log, report
from fazhi.site.steps.base import Step


class HandbookStep(Step):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.watch.append(str(self.build.addresses.handbook_dir))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        book = self.build.book
        report(book.diagnostics)
        return site.mount(files, config, book)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return site.arrange_nav(nav, self.build.book)

    def on_post_build(self, config: MkDocsConfig) -> None:
        book = self.build.book
        log.info(f"普法手册：{len(book.laws)}部法律法规，{book.article_total}条")
