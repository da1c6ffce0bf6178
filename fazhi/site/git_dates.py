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
    """Log the plugin's shallow-clone warning as info (idempotent: a process may start several builds)."""
    logger = logging.getLogger(CI_LOGGER)
    if not any(isinstance(f, _WarningAsInfo) for f in logger.filters):
        logger.addFilter(_WarningAsInfo())


#: Page meta keys the plugin fills (Material's source-file partial shows the first).
REVISION_KEY = "git_revision_date_localized"
HASH_KEY = f"{REVISION_KEY}_hash"


def settle_date(meta: dict, file, plugin, epoch: str | None) -> None:
    """Give a page the plugin left without a commit its file's git date, else SOURCE_DATE_EPOCH.

    The plugin dates generated files by the clock: the handbook's law pages are mounted
    by the handbook step (File.generated with the real abs_src_path), so their git history is read
    here. Without any commit (no git, a file not committed yet) the plugin also falls back
    to the build time, to the second in its title attribute, so two builds would differ;
    those pages show SOURCE_DATE_EPOCH. The plugin's own formatter renders the date.
    """
    if plugin is None or meta.get(HASH_KEY, None) != "":
        return
    commit, timestamp = "", None
    if getattr(file, "generated_by", None) and file.abs_src_path:
        commit, found = plugin.util.get_git_commit_timestamp(path=file.abs_src_path)
        timestamp = int(found) if commit else None
    if timestamp is None and epoch:
        timestamp = int(epoch)
    if timestamp is None:
        return
    formats = plugin.util.get_date_formats_for_timestamp(timestamp, locale=plugin.config["locale"], add_spans=True)
    meta[REVISION_KEY] = formats[plugin.config["type"]]
    meta[HASH_KEY] = commit
