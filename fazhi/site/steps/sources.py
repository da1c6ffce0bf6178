"""Where each page comes from: repeatable build dates, git last-updated dates, edit links.

Dates never fail --strict in shallow CI clones and never read the clock (SOURCE_DATE_EPOCH is
set from the last commit unless the caller set it); law pages mounted from the handbook folder
get their own git date and an edit link to their file.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from fazhi.repeatable import ensure_source_date_epoch
from fazhi.site.edit_links import link_mounted_sources
from fazhi.site.git_dates import settle_date, tolerate_shallow_clones
from fazhi.site.steps.base import Step

#: The git date plugin, whose dates this step completes.
DATE_PLUGIN = "git-revision-date-localized"


class SourceStep(Step):
    def __init__(self, build) -> None:
        super().__init__(build)
        # Made in the plugin's on_startup, before any plugin's on_config, where the date plugin
        # first opens the repository (and warns about a shallow clone).
        tolerate_shallow_clones()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        ensure_source_date_epoch(self.build.project.root)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        link_mounted_sources(files, config.docs_dir)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        settle_date(page.meta, page.file, config.plugins.get(DATE_PLUGIN), os.environ.get("SOURCE_DATE_EPOCH"))
        return markdown
