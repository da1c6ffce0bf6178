"""File-level checks of `fazhi check` during the build (errors fail --strict).

First of the steps: its on_files stops a build on a file that is not UTF-8 (a report or a law:
it reads the handbook folder itself, before the handbook step mounts it) with a Chinese
message. Heading numbers, law structure, raw HTML and links are reported by their own
extensions and by MkDocs during the build, so only the file-level checks run here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from fazhi.check import BUILD_CHECKS
from fazhi.check.source import load
from fazhi.site.glue import report
from fazhi.site.steps.base import Step


class CheckStep(Step):
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        not_utf8 = []
        for path, uri in self._sources(files):
            source = load(path, self.build.addresses.display(path), uri)
            # Info-level notes (e.g. ASCII (一) kept from 行政法规 sources) are for `fazhi check -v` only.
            report([d for check in BUILD_CHECKS for d in check(source) if d.level != "info"])
            if source.decoded.encoding != "utf-8":
                not_utf8.append(source.path)
        if not_utf8:
            raise PluginError(f"{'、'.join(not_utf8)} 不是 UTF-8 编码，无法构建；请先运行 fazhi check --fix")
        return files

    def _sources(self, files: Files) -> Iterator[tuple[Path, str]]:
        """Site pages, and the handbook folder's files even before the handbook step mounts them."""
        seen = set()
        for f in files.documentation_pages():
            if f.abs_src_path:
                seen.add(Path(f.abs_src_path).resolve())
                yield Path(f.abs_src_path), f.src_uri
        root = self.build.addresses.handbook_dir
        for path in sorted(root.rglob("*.md")):
            if path.resolve() not in seen:
                yield path, self.build.addresses.site_uri(path)
