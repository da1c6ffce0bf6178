"""`fazhi check`: run every check over the Markdown sources without building the site.

Checks are small functions of a `Source`; `BUILD_CHECKS` are the ones the MkDocs hook
runs too (the build already reports heading numbers and law structure through its
extensions and broken links through MkDocs' own validation). Whatever fails the strict
publish build is an error or a warning here, and either makes `fazhi check` exit 1;
notes (info) never do. Unreplaced template prompts fail both: they must not be published.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from fazhi.diagnostics import Diagnostic
from fazhi.settings import Settings
from fazhi.check.articles import check_continuity
from fazhi.check.encoding import check_encoding, check_line_ends, check_tabs, fixed_bytes
from fazhi.check.front_matter import check_front_matter
from fazhi.check.links import check_links
from fazhi.check.markers import check_markers
from fazhi.check.placeholders import check_placeholders
from fazhi.check.render import Context, check_handbook, check_rendering
from fazhi.check.source import Source, load

Check = Callable[[Source], list[Diagnostic]]

#: Checks that need nothing but the file; all run in `fazhi check`, and in the build hook.
BUILD_CHECKS: tuple[Check, ...] = (
    check_encoding, check_line_ends, check_tabs, check_front_matter, check_markers, check_placeholders)
DOCS = "docs"


def find_root(start: Path) -> Path:
    """The project folder (the one holding mkdocs.yml) at or above `start`."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").exists():
            return folder
    return start


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (Material extensions); read them as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(root: Path) -> dict:
    """mkdocs.yml as plain data ({} when there is none)."""
    config = root / "mkdocs.yml"
    if not config.exists():
        return {}
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}


def load_settings(root: Path) -> Settings:
    """extra.fazhi of the project, validated as the build validates it."""
    return Settings.from_extra(load_config(root).get("extra") or {})


def markdown_extensions(config: dict) -> tuple[list[str], dict[str, dict]]:
    """The site's Markdown extensions and their options, as mkdocs.yml lists them."""
    names: list[str] = []
    options: dict[str, dict] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, values in entry.items():
                names.append(name)
                options[name] = dict(values or {})
        else:
            names.append(str(entry))
    return names, options


def site_uri(path: Path, root: Path, settings: Settings) -> str:
    """Where a file sits in the site: reports/2024.md for docs/reports/2024.md, handbook/x.md for a law."""
    resolved = path.resolve()
    for base, prefix in ((root / DOCS, ""), (settings.handbook_root(root), "handbook/")):
        if resolved.is_relative_to(base.resolve()):
            return prefix + resolved.relative_to(base.resolve()).as_posix()
    return path.name


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
    found += check_links(source, context.root)
    if source.kind == "law":
        found += check_continuity(source) + check_handbook(context)
    return found


def run(paths: list[Path], *, fix: bool = False, root: Path | None = None) -> Result:
    root = root or find_root(Path.cwd())
    config = load_config(root)
    settings = Settings.from_extra(config.get("extra") or {})
    context = Context(root, settings, *markdown_extensions(config))
    result = Result(diagnostics=[Diagnostic("mkdocs.yml", 1, 1, "warning", m) for m in settings.unknown_key_messages()])
    defaults = [folder for folder in (root / DOCS, settings.handbook_root(root)) if folder.exists()]
    for path in markdown_files(paths or defaults):
        if not path.exists():
            result.diagnostics.append(Diagnostic(display_path(path), 1, 1, "error", "文件或文件夹不存在"))
            continue
        source = load(path, display_path(path), site_uri(path, root, settings))
        if fix and (data := fixed_bytes(source)) is not None:
            path.write_bytes(data)
            result.fixed.append(source.path)
            source = load(path, source.path, source.uri)
        result.files += 1
        result.diagnostics += check_source(source, context)
    result.diagnostics.sort(key=lambda d: (d.path, d.line, d.col))
    return result
