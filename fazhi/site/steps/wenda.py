"""The bureau's 问答 and 以案释法 in the site (fazhi.wenda): their list page and navigation.

The pages themselves are rendered by the wenda extension and the law pages' lists of them by
the law extension; the pages step sets both up per page from `SiteBuild.questions`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from fazhi.site import wenda as site
from fazhi.site.steps.base import Step


class WendaStep(Step):
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        return site.mount(files, config, self.build.questions, self.build.settings.bureau, self.build.book)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return site.arrange_nav(nav, self.build.questions)
