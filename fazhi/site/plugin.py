"""The `fazhi` MkDocs plugin: the one place where fazhi is wired into MkDocs.

    plugins:
      - search: {lang: zh}
      - git-revision-date-localized: {...}
      - fazhi: {bureau: 东辽县民政局, ...}      # options: fazhi/site/config.py

Each MkDocs event is handed to the build's steps in the order of `STEPS`, the only place that
order is written. A step is one concern with its state on itself (fazhi/site/steps/); all steps
share one `SiteBuild` (the command, the project's settings and addresses, the handbook read once).

=================  ==================================================================
step               why it stands where it stands
=================  ==================================================================
CheckStep          first: its on_files stops a build on a file that is not UTF-8,
                   before any other step reads the sources
PageStep           before any page is converted: adds and begins the per-page
                   Markdown extensions (numbering, law structure, HTML allow-list)
HandbookStep       mounts the handbook folder under handbook/ (on_files): the steps
                   after it see the law pages
WendaStep          after the handbook, like it: the list of the 问答 mounted, their
                   section arranged before the top level is ordered
CompareStep        after the handbook (it pairs law versions); its table joins a page's
                   HTML before search and print take that HTML
ReportStep         wraps a report's HTML in its 公文 head and signature before print
                   takes it; orders the reports' navigation
SourceStep         after the handbook: mounted law pages get git dates and edit links
SearchStep         after every step that changes a page's HTML: indexes what readers see
PdfStep            last to take page HTML (the 公文 and law structure are in it) and
                   adds its 打印/下载PDF bar; renders after the build
NavigationStep     after the handbook and reports have arranged their sections: orders
                   the top level, bounds each page's sidebar
PublicSiteStep     last on_files (drops staff pages from a published build after
                   every step that might mount or read them); 网站地图 from the final nav
PortalStep         the portal's header and footer for a column of the county portal:
                   only the templates read them, so beside the other page chrome
=================  ==================================================================

Every event runs late among the plugins (priority -50): after Material's search plugin made
its index (SearchStep empties it) and after the git date plugin dated a page (SourceStep
completes it), wherever fazhi stands in the `plugins:` list.

The plugin defines on_startup, so `mkdocs serve` keeps this one object across rebuilds: the
steps' state (the handbook as last read, the segmenter's cache, the PDF renderer's fonts)
stays warm from one save to the next.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from fazhi.site.config import FazhiConfig
from fazhi.site.context import SiteBuild
from fazhi.site.steps.base import Step
from fazhi.site.steps.checks import CheckStep
from fazhi.site.steps.compare import CompareStep
from fazhi.site.steps.handbook import HandbookStep
from fazhi.site.steps.navigation import NavigationStep
from fazhi.site.steps.pages import PageStep
from fazhi.site.steps.pdf import PdfStep
from fazhi.site.steps.portal import PortalStep
from fazhi.site.steps.public_site import PublicSiteStep
from fazhi.site.steps.reports import ReportStep
from fazhi.site.steps.search import SearchStep
from fazhi.site.steps.sources import SourceStep
from fazhi.site.steps.wenda import WendaStep

#: The build's steps, in the order every event visits them (see the table above).
STEPS: tuple[type[Step], ...] = (
    CheckStep, PageStep, HandbookStep, WendaStep, CompareStep, ReportStep, SourceStep, SearchStep, PdfStep,
    NavigationStep, PublicSiteStep, PortalStep,
)
#: "Late" in MkDocs' scale (100 first … -100 last): after the plugins fazhi builds on.
LATE = -50


class FazhiPlugin(BasePlugin[FazhiConfig]):
    """fazhi in MkDocs: every event handed to `STEPS` in order, state kept on the steps."""

    def __init__(self) -> None:
        super().__init__()
        self.build = SiteBuild()
        self.steps: list[Step] = []
        #: The options as mkdocs.yml wrote them (before defaults), to merge with extra.fazhi.
        self.given: dict[str, Any] = {}

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):
        self.given = dict(options)
        return super().load_config(options, config_file_path)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.build.command, self.build.dirty = command, dirty
        self.steps = [step(self.build) for step in STEPS]

    @event_priority(LATE)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.steps:  # a build started without on_startup (mkdocs.commands.build from Python)
            self.steps = [step(self.build) for step in STEPS]
        self.build.start(config, self.config, self.given)
        return self._chain("on_config", config)

    @event_priority(LATE)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._each("on_pre_build", config)

    @event_priority(LATE)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self._chain("on_files", files, config)

    @event_priority(LATE)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self._chain("on_nav", nav, config, files)

    @event_priority(LATE)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        return self._chain("on_env", env, config, files)

    @event_priority(LATE)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self._chain("on_page_markdown", markdown, page, config, files)

    @event_priority(LATE)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self._chain("on_page_content", html, page, config, files)

    @event_priority(LATE)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        return self._chain("on_page_context", context, page, config, nav)

    @event_priority(LATE)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._each("on_post_build", config)

    def _chain(self, event: str, value, *args):
        """Hand `value` through every step that handles `event`, each taking the last one's result."""
        for step in self.steps:
            handler = getattr(step, event, None)
            if handler is not None:
                value = handler(value, *args)
        return value

    def _each(self, event: str, *args) -> None:
        for step in self.steps:
            handler = getattr(step, event, None)
            if handler is not None:
                handler(*args)
