"""Git last-updated dates: never fail --strict in shallow CI clones, never read the clock."""

import os

from fazhi.git_dates import pin_fallback_date, tolerate_shallow_clones


def on_startup(command, dirty):
    # on_startup runs before any plugin's on_config, where the date plugin first opens the repo.
    tolerate_shallow_clones()


def on_page_markdown(markdown, page, config, files):
    plugin = config.plugins.get("git-revision-date-localized")
    pin_fallback_date(page.meta, plugin, os.environ.get("SOURCE_DATE_EPOCH"))
    return markdown
