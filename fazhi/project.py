"""One project as every entry point sees it: its folder, its settings and its addresses.

The build (fazhi.site.plugin) makes one from the MkDocs config it runs with; `fazhi check`,
import and the other commands get one from fazhi.site.config.load_project, which reads the same
mkdocs.yml with the same schema. Everything downstream takes a `Project`, never a path to
mkdocs.yml, so no module reads the settings a second way.

Reading mkdocs.yml as data (`ProjectFile`) needs no MkDocs: validating the plugin's options does,
and is done by fazhi.site.config. Publishing, which must not import MkDocs, reads only the folders
(`ProjectFile.addresses`) of a commit that `fazhi check` has already validated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from fazhi.addresses import DOCS, HANDBOOK, Addresses
from fazhi.settings import Settings

#: The plugin's name in mkdocs.yml `plugins:` (and its entry point in pyproject.toml).
PLUGIN = "fazhi"
CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    #: The folder holding mkdocs.yml.
    root: Path
    settings: Settings = Settings()
    #: mkdocs.yml `docs_dir` (relative to `root`, or absolute).
    docs_folder: str = DOCS
    #: The site's Markdown extensions (mkdocs.yml markdown_extensions) and their options, so
    #: `fazhi check` renders a page with the same extensions as the build.
    markdown_extensions: tuple[str, ...] = ()
    extension_configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def addresses(self) -> Addresses:
        return Addresses(self.root, self.settings.handbook, self.docs_folder)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (Material extensions); read them as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class ProjectFile:
    """mkdocs.yml as data: the plugin's options as written, before any validation."""

    data: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path) -> "ProjectFile":
        path = root / CONFIG_FILE
        return cls.parse(path.read_text(encoding="utf-8")) if path.exists() else cls()

    @classmethod
    def parse(cls, text: str) -> "ProjectFile":
        data = yaml.load(text, Loader=_AnyTagLoader)
        return cls(data if isinstance(data, Mapping) else {})

    @property
    def plugin_options(self) -> dict[str, Any]:
        """The fazhi plugin's options from `plugins:` (a list of names or of {name: options})."""
        plugins = self.data.get("plugins")
        entries: Iterable = plugins.items() if isinstance(plugins, Mapping) else (
            next(iter(p.items())) if isinstance(p, Mapping) else (p, None) for p in plugins or [])
        for name, options in entries:
            if name == PLUGIN:
                return dict(options or {})
        return {}

    @property
    def legacy_options(self) -> dict[str, Any]:
        """What mkdocs.yml still keeps under `extra.fazhi`, where the options were before the plugin."""
        return legacy_options(self.data.get("extra"))

    @property
    def options(self) -> dict[str, Any]:
        """The plugin's own options, with those only extra.fazhi gives filled in from there."""
        return {**self.legacy_options, **self.plugin_options}

    @property
    def docs_folder(self) -> str:
        return str(self.data.get("docs_dir") or DOCS)

    def addresses(self, root: Path) -> Addresses:
        """The folders as written (for a project that `fazhi check` has validated)."""
        return Addresses(root, str(self.options.get("handbook") or HANDBOOK), self.docs_folder)

    def markdown_extensions(self) -> tuple[tuple[str, ...], dict[str, dict]]:
        """The site's Markdown extensions and their options, as mkdocs.yml lists them."""
        names: list[str] = []
        options: dict[str, dict] = {}
        for entry in self.data.get("markdown_extensions") or []:
            if isinstance(entry, dict):
                for name, values in entry.items():
                    names.append(name)
                    options[name] = dict(values or {})
            else:
                names.append(str(entry))
        return tuple(names), options


def legacy_options(extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """`extra.fazhi` of a config ({} when there is none)."""
    value = (extra or {}).get(PLUGIN)
    return dict(value) if isinstance(value, Mapping) else {}
