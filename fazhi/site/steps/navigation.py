"""The top-level navigation in the configured order (nav_order); a bounded handbook sidebar per page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from fazhi.site.nav import order_top_level
from fazhi.site.sidebar import bounded_nav
from fazhi.site.steps.base import Step


class NavigationStep(Step):
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return order_top_level(nav, list(self.build.settings.nav_order))

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        context["nav"] = bounded_nav(nav, page)
        return context
