"""Runs the file-level checks of `fazhi check` during `mkdocs build` (errors fail --strict).

It reads handbook/ itself, so it works before or after the handbook hook mounts it.
Heading numbers, law structure, raw HTML and links are reported by their own extensions
and by MkDocs during the build, so only the file-level checks run here.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from fazhi.check import BUILD_CHECKS
from fazhi.check.source import load
from fazhi.site.handbook import handbook_root
from fazhi.site.glue import report


def _sources(files, config):
    """Site pages, and handbook/ files even when the handbook hook has not mounted them yet."""
    seen = set()
    for f in files.documentation_pages():
        if f.abs_src_path:
            seen.add(Path(f.abs_src_path).resolve())
            yield Path(f.abs_src_path), f.src_path, f.src_uri
    root = handbook_root(config)
    for path in sorted(root.rglob("*.md")):
        if path.resolve() not in seen:
            uri = f"handbook/{path.relative_to(root).as_posix()}"
            yield path, uri, uri


def on_files(files, config):
    not_utf8 = []
    for path, shown, uri in _sources(files, config):
        source = load(path, shown, uri)
        # Info-level notes (e.g. ASCII (一) kept from 行政法规 sources) are for `fazhi check -v` only.
        report([d for check in BUILD_CHECKS for d in check(source) if d.level != "info"])
        if source.decoded.encoding != "utf-8":
            not_utf8.append(shown)
    if not_utf8:
        raise PluginError(f"{'、'.join(not_utf8)} 不是 UTF-8 编码，无法构建；请先运行 fazhi check --fix")
    return files
