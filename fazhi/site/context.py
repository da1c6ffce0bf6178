"""What every step of a build shares: the command, the project, and the handbook read once.

One `SiteBuild` lives on the plugin for the whole process: `mkdocs serve` keeps the plugin (it
defines on_startup), so what is kept here (the handbook as last read, and on the steps their own
state) stays warm from one rebuild to the next. `start` takes each rebuild's fresh config.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from fazhi.addresses import Addresses
from fazhi.law.handbook import Handbook, load_handbook
from fazhi.project import Project, legacy_options
from fazhi.settings import Settings, SettingsError
from fazhi.site import config as options
from fazhi.site.glue import log
from fazhi.wenda.question import Question, read_questions


@dataclass
class SiteBuild:
    #: The MkDocs command of this process: "build", "serve" or "gh-deploy".
    command: str = "build"
    #: `mkdocs serve --dirty`: rebuilds convert only the pages that changed.
    dirty: bool = False
    project: Project = field(default_factory=lambda: Project(Path.cwd()))
    #: The handbook and the file states it was read from (read again only after an edit).
    _read: tuple[tuple, Handbook] | None = field(default=None, repr=False)
    #: The handbook of the build under way (its folder is looked at once per build).
    _book: Handbook | None = field(default=None, repr=False)
    #: The 问答 of the build under way (docs/wenda/, read once per build).
    _questions: list[Question] | None = field(default=None, repr=False)

    @property
    def serving(self) -> bool:
        """A staff preview: PDFs render in the background and staff pages stay in the site."""
        return self.command == "serve"

    @property
    def settings(self) -> Settings:
        return self.project.settings

    @property
    def addresses(self) -> Addresses:
        return self.project.addresses

    def start(self, config: MkDocsConfig, plugin_options: options.FazhiConfig, given: dict) -> None:
        """Settings of this (re)build: the plugin's validated options, and any options still under
        extra.fazhi (read with a warning saying where they go now)."""
        legacy = legacy_options(config.extra)
        for message in options.legacy_messages(legacy):
            log.warning(message)
        if legacy:
            try:
                plugin_options, unknown = options.validate({**legacy, **given})
            except SettingsError as error:
                raise PluginError(str(error)) from None
            for message in unknown:
                log.warning(message)
        root = Path(config.config_file_path).parent
        self.project = Project(root, options.to_settings(plugin_options), config.docs_dir)
        self._book = None
        self._questions = None

    @property
    def questions(self) -> list[Question]:
        """The 问答 and 以案释法 of this build (fazhi.wenda), read once however many steps ask."""
        if self._questions is None:
            self._questions = read_questions(self.addresses.wenda_dir)
        return self._questions

    @property
    def book(self) -> Handbook:
        """The handbook of this build, read once however many steps ask for it; a rebuild of
        `mkdocs serve` reads it again only when a file under its folder changed."""
        if self._book is None:
            root = self.addresses.handbook_dir
            files = sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
            key = (root, tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in files))
            if self._read is None or self._read[0] != key:
                self._read = (key, load_handbook(root, self.addresses.handbook_folder))
            self._book = self._read[1]
        return self._book
