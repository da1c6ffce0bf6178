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

from typing import Any, Mapping

from mkdocs.structure.files import Files

DEFAULT_PAGES = ("guide.md",)

_command = "build"


def note_command(command: str) -> None:
    """Remember whether this process serves a preview (`serve`) or builds the site (`build`, `gh-deploy`)."""
    global _command
    _command = command


def staff_pages(extra: Mapping[str, Any]) -> tuple[list[str], bool]:
    """(pages, publish) from extra.fazhi.staff_pages; a bad value stops the build with a Chinese message."""
    raw = ((extra or {}).get("fazhi") or {}).get("staff_pages")
    if raw is None:
        return list(DEFAULT_PAGES), False
    if not isinstance(raw, Mapping):
        raise ValueError("mkdocs.yml 的 extra.fazhi.staff_pages 应写成 pages:（页面列表）和 publish:（true 或 false）两项")
    pages = raw.get("pages", list(DEFAULT_PAGES))
    publish = raw.get("publish", False)
    if not isinstance(pages, list) or not isinstance(publish, bool):
        raise ValueError("mkdocs.yml 的 extra.fazhi.staff_pages：pages 应为页面文件列表（如 [guide.md]），publish 应为 true 或 false")
    return [str(page) for page in pages], publish


def drop_staff_pages(files: Files, extra: Mapping[str, Any]) -> Files:
    """Remove the staff pages from a published build; keep them when previewing or when publish is on."""
    pages, publish = staff_pages(extra)
    if publish or _command == "serve":
        return files
    for src_uri in pages:
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    return files
