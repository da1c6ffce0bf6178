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
