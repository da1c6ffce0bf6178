"""Pages written for staff (the 编辑指南: commands, file names, git) kept off the public site.

They stay in the repository and in staff previews (`mkdocs serve`), but a published build
(`mkdocs build`) leaves them out entirely, so they appear in no tab, navigation, sitemap.xml,
search index or URL. The plugin option `staff_pages.publish: true` puts them back, for an
intranet build.
"""

from __future__ import annotations

from typing import Iterable

from mkdocs.structure.files import Files


def drop_staff_pages(files: Files, pages: Iterable[str], keep: bool) -> Files:
    """Remove the staff pages from a published build; `keep` them when previewing or when publish is on."""
    if keep:
        return files
    for src_uri in pages:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    return files
