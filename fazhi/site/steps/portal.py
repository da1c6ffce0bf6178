"""The site as a column of the county portal: the portal's header and footer around every page.

The files are read (and cleaned, fazhi.portal) once per build, in on_env, where the templates get
them as `fazhi_portal` (overrides/main.html, overrides/partials/copyright.html); what the
allow-list cut, and a column without a path of its own in site_url, fail --strict. `mkdocs serve`
watches the two files, so an edit of the portal's header shows at once.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from fazhi.portal import fragment_paths, load_portal
from fazhi.site.glue import report
from fazhi.site.steps.base import Step


class PortalStep(Step):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options = self.build.settings.portal
        if options.enabled:
            config.watch.extend(str(path) for path in fragment_paths(self.build.addresses, options))
        return config

    def on_env(self, env, config: MkDocsConfig, files: Files):
        portal, problems = load_portal(self.build.addresses, self.build.settings.portal, config.site_url)
        report(problems)
        env.globals["fazhi_portal"] = portal
        return env
