"""`fazhi check`: run every check over the Markdown sources without building the site.

Checks are small functions of a `Source`; `BUILD_CHECKS` are the ones the build's checks
step runs too (the build already reports heading numbers and law structure through its
extensions and broken links through MkDocs' own validation). The project (settings, folders,
Markdown extensions) comes from fazhi.site.config.load_project, as the build reads it. Whatever fails the strict
publish build is an error or a warning here, and either makes `fazhi check` exit 1;
notes (info) never do. Unreplaced template prompts fail both: they must not be published.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from fazhi.diagnostics import Diagnostic
from fazhi.project import Project
from fazhi.check.articles import check_continuity
from fazhi.check.encoding import check_encoding, check_line_ends, check_tabs, fixed_bytes
from fazhi.check.front_matter import check_front_matter
from fazhi.check.links import check_links
from fazhi.check.markers import check_markers
from fazhi.check.placeholders import check_placeholders
from fazhi.check.render import Context, check_handbook, check_rendering
from fazhi.check.source import Source, load

Check = Callable[[Source], list[Diagnostic]]

#: Checks that need nothing but the file; all run in `fazhi check`, and in the build's checks step.
BUILD_CHECKS: tuple[Check, ...] = (
    check_encoding, check_line_ends, check_tabs, check_front_matter, check_markers, check_placeholders)


def find_root(start: Path) -> Path:
    """The project folder (the one holding mkdocs.yml) at or above `start`."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").exists():
            return folder
    return start


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def markdown_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    fixed: list[str] = field(default_factory=list)

    def count(self, level: str) -> int:
        return sum(d.level == level for d in self.diagnostics)


def check_source(source: Source, context: Context) -> list[Diagnostic]:
    found = [d for check in BUILD_CHECKS for d in check(source)]
    if source.decoded.encoding != "utf-8" or source.meta_error:
        return found
    found += check_rendering(source, context)
    found += check_links(source, context.project.addresses)
    if source.kind == "law":
        found += check_continuity(source) + check_handbook(context)
    return found


def run(paths: list[Path], project: Project, *, fix: bool = False) -> Result:
    """Check the files and folders in `paths` (by default the site's pages and the handbook)."""
    addresses = project.addresses
    context = Context(project)
    result = Result()
    defaults = [folder for folder in (addresses.docs_dir, addresses.handbook_dir) if folder.exists()]
    for path in markdown_files(paths or defaults):
        if not path.exists():
            result.diagnostics.append(Diagnostic(display_path(path), 1, 1, "error", "文件或文件夹不存在"))
            continue
        source = load(path, display_path(path), addresses.site_uri(path) or path.name)
        if fix and (data := fixed_bytes(source)) is not None:
            path.write_bytes(data)
            result.fixed.append(source.path)
            source = load(path, source.path, source.uri)
        result.files += 1
        result.diagnostics += check_source(source, context)
    result.diagnostics.sort(key=lambda d: (d.path, d.line, d.col))
    return result
