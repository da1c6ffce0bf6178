"""Small helpers the MkDocs hook files share (kept out of hooks/ so hooks stay thin)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from fazhi.diagnostics import Diagnostic
from fazhi.settings import Settings, SettingsError

log = get_plugin_logger("fazhi")
#: id(config.extra) → (that extra, its Settings): each build's settings are validated once.
_settings: dict[int, tuple[object, Settings]] = {}


def site_settings(config: MkDocsConfig) -> Settings:
    """extra.fazhi of this build, validated on first use; a wrong value stops the build."""
    cached = _settings.get(id(config.extra))
    if cached is not None and cached[0] is config.extra:
        return cached[1]
    try:
        settings = Settings.from_extra(config.extra)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    for message in settings.unknown_key_messages():
        log.warning(message)
    _settings.clear()
    _settings[id(config.extra)] = (config.extra, settings)
    return settings


def project_dir(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml: relative settings paths start here."""
    return Path(config.config_file_path).parent


def front_matter_lines(page: Page, markdown: str) -> int:
    """How many source lines precede the Markdown body, so diagnostics cite file lines."""
    source = page.file.content_string
    index = source.rfind(markdown) if markdown else -1
    return source.count("\n", 0, index) if index > 0 else 0


def report(diagnostics: list[Diagnostic]) -> None:
    """Log findings through MkDocs so warnings and errors fail `mkdocs build --strict`."""
    for item in diagnostics:
        (log.error if item.level == "error" else log.warning if item.level == "warning" else log.info)(str(item))
