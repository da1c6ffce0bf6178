"""Where each page comes from: its git last-updated date and its edit link.

Dates never fail --strict in shallow CI clones and never read the clock; law pages
mounted from handbook/ get their own git date and an edit link to their file.
"""

import os

from fazhi.site.edit_links import link_mounted_sources
from fazhi.site.git_dates import settle_date, tolerate_shallow_clones


def on_startup(command, dirty):
    # on_startup runs before any plugin's on_config, where the date plugin first opens the repo.
    tolerate_shallow_clones()


def on_files(files, config):
    link_mounted_sources(files, config.docs_dir)
    return files


def on_page_markdown(markdown, page, config, files):
    plugin = config.plugins.get("git-revision-date-localized")
    settle_date(page.meta, page.file, plugin, os.environ.get("SOURCE_DATE_EPOCH"))
    return markdown
