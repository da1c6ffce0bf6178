"""Last-updated dates from git (mkdocs-git-revision-date-localized-plugin) that never stop a build.

Outside git (a test's temp copy) the plugin's `fallback_to_build_date` applies. In a
shallow CI clone (GitHub Actions checks out one commit by default, GitLab 50) the plugin
always logs a warning that dates may be wrong, and under `mkdocs build --strict` that
warning fails the build. The site accepts the dates of the fetched history (at worst
the date of the last commit), so that warning is logged as info instead.
"""

from __future__ import annotations

import logging

#: The logger of the plugin's CI module (mkdocs.plugins.get_plugin_logger prefixes "mkdocs.plugins.").
CI_LOGGER = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci"


class _WarningAsInfo(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING:
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def tolerate_shallow_clones() -> None:
    """Log the plugin's shallow-clone warning as info (idempotent: MkDocs may reload hooks)."""
    logger = logging.getLogger(CI_LOGGER)
    if not any(isinstance(f, _WarningAsInfo) for f in logger.filters):
        logger.addFilter(_WarningAsInfo())


#: Page meta key the plugin fills (and Material's source-file partial shows).
REVISION_KEY = "git_revision_date_localized"


def pin_fallback_date(meta: dict, plugin, epoch: str | None) -> None:
    """Show SOURCE_DATE_EPOCH instead of the clock when the plugin found no commit for a page.

    Without a commit (no git, or a file not committed yet) the plugin falls back to the
    build time, to the second in its title attribute, so two builds would differ. Its
    own formatter renders the pinned date, keeping the markup identical otherwise.
    """
    if not epoch or plugin is None or meta.get(f"{REVISION_KEY}_hash", None) != "":
        return
    formats = plugin.util.get_date_formats_for_timestamp(int(epoch), locale=plugin.config["locale"], add_spans=True)
    meta[REVISION_KEY] = formats[plugin.config["type"]]
