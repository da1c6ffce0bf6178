"""Pages written for staff (the 编辑指南: commands, file names, git) kept off the public site.

They stay in the repository and in staff previews (`mkdocs serve`), but a published build
(`mkdocs build`) leaves them out entirely, so they appear in no tab, navigation, sitemap.xml,
search index or URL. `extra.fazhi.staff_pages.publish: true` in mkdocs.yml puts them back, for an
intranet build.

MkDocs tells `serve` from `build` only in on_startup, which runs once per process, while hook
files are re-imported on every rebuild of `mkdocs serve`; so the command is kept here, in a
module that stays imported.
"""

from __future__ import annotations

from typing import Iterable

from mkdocs.structure.files import Files

_command = "build"


def note_command(command: str) -> None:
    """Remember whether this process serves a preview (`serve`) or builds the site (`build`, `gh-deploy`)."""
    global _command
    _command = command


def drop_staff_pages(files: Files, pages: Iterable[str], publish: bool) -> Files:
    """Remove the staff pages from a published build; keep them when previewing or when publish is on."""
    if publish or _command == "serve":
        return files
    for src_uri in pages:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    return files
