"""What the public site shows around the content: staff pages (编辑指南) left out of published
builds, the generated 网站地图 page, the legal footer's fields, and what a government page offers
beyond them (党政机关网站标识, 我为政府网站找错, every page's 纠错: fazhi.feedback)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from fazhi.feedback import feedback_of, missing_image
from fazhi.site.footer import footer_rows
from fazhi.site.glue import log
from fazhi.site.site_map import add_page, is_site_map, site_map_html
from fazhi.site.staff_pages import drop_staff_pages
from fazhi.site.steps.base import Step


class PublicSiteStep(Step):
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        settings = self.build.settings
        keep = settings.publish_staff_pages or self.build.serving
        return add_page(drop_staff_pages(files, settings.staff_pages, keep), config)

    def on_env(self, env, config: MkDocsConfig, files: Files):
        settings = self.build.settings
        feedback = feedback_of(settings.feedback, settings.footer)
        problem = missing_image(self.build.addresses.docs_dir, feedback.site_mark)
        if problem:
            log.warning(f"mkdocs.yml：{problem}")
        env.globals["fazhi_footer"] = footer_rows(settings.footer)
        env.globals["fazhi_feedback"] = feedback
        return env

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        if is_site_map(page):
            page.content = (page.content or "") + site_map_html(nav, page)
        return context
