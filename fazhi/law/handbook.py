"""The handbook as a whole: which laws, in which categories, in which order.

Adding a law is dropping its file into handbook/ (any sub-folder). handbook/handbook.yml
optionally names the handbook and lists categories in order with their files::

    title: 东辽县民政系统普法宣传手册
    categories:
      婚姻家庭: [funv-quanyi-baozhang-fa, fan-jiating-baoli-fa]

A file not listed goes to 其他 (and the build says so); a superseded text goes to the
separate 历史文本 group, never among the laws in force. Within a category the config's
order holds; 其他 and 历史文本 are ordered by the pinyin of the short title (pypinyin),
not by code point. The whole-book PDF and the search dictionary follow `Handbook.laws`.

Two files with the same title are versions of one law (`Handbook.versions_of`): a new
version is one more file, and the pages and the index link the versions up by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

import re

import yaml
from pypinyin import Style, lazy_pinyin

from fazhi.addresses import NOT_LAWS, law_page, law_uri
from fazhi.diagnostics import Diagnostic
from fazhi.law import meta as law_meta
from fazhi.law.excerpt import Excerpt, excerpt_of
from fazhi.text.frontmatter import split_front_matter
from fazhi.law.structure import parse_law
from fazhi.law.xref import normalise_title

CONFIG_NAME = "handbook.yml"
DEFAULT_TITLE = "民政系统普法宣传手册"
OTHER = "其他"
HISTORY = "历史文本"


@dataclass(frozen=True)
class LawEntry:
    stem: str
    src: Path
    title: str
    short_title: str
    level: str
    #: The date to list it under (公布日期, else its last history date), 施行日期, both as 2012年11月9日.
    date: str
    effective: str
    status: str
    status_note: str
    article_count: int
    category: str
    #: Ids of its articles (t1 … t143), so other laws' citations link only to what exists.
    anchors: frozenset[str] = field(default=frozenset(), repr=False)
    #: (id, text) of its 编/章/节 headings, in order.
    headings: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    #: The title its text starts with: for an excerpt, the whole code's (中华人民共和国民法典).
    text_title: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def excerpt(self) -> Excerpt | None:
        return excerpt_of(self.meta)

    @property
    def date_key(self) -> tuple[int, ...]:
        """(2016, 3, 16) for 2016年3月16日, to order versions; () when undated."""
        return tuple(int(n) for n in re.findall(r"\d+", self.date))

    @property
    def superseded(self) -> bool:
        return self.status == law_meta.SUPERSEDED

    @property
    def src_uri(self) -> str:
        """Where the page pretends to live in docs/: handbook/<stem>.md."""
        return law_uri(self.stem)

    @property
    def page(self) -> str:
        """The page's site path (directory URLs): handbook/<stem>/."""
        return law_page(self.stem)


@dataclass
class Category:
    name: str
    laws: list[LawEntry]


@dataclass
class Handbook:
    title: str
    #: Categories of laws in force, in configured order, 其他 last (only when used). A configured
    #: category may be empty when all its texts are superseded: the index still names it.
    categories: list[Category]
    #: Superseded texts, shown apart under 历史文本.
    history: list[LawEntry]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def laws(self) -> list[LawEntry]:
        """Every law in book order: the categories, then the 历史文本."""
        return [law for category in self.categories for law in category.laws] + self.history

    def history_of(self, category: str) -> list[LawEntry]:
        """Superseded texts filed under `category` in the config."""
        return [law for law in self.history if law.category == category]

    @property
    def article_total(self) -> int:
        return sum(law.article_count for law in self.laws)

    def versions_of(self, law: LawEntry) -> list[LawEntry]:
        """The other texts of the same law (same title) in the handbook, oldest first."""
        others = [e for e in self.laws if e.title == law.title and e.stem != law.stem]
        return sorted(others, key=lambda e: (e.date_key, e.stem))

    def history_under(self, law: LawEntry) -> list[LawEntry]:
        """Superseded versions of a current text, newest first (listed under it in the index)."""
        return [e for e in reversed(self.versions_of(law)) if e.superseded]

    def link_targets(self) -> dict[str, LawEntry]:
        """Normalised title → law to link citations to; a current text wins over a superseded one.

        An excerpt also stands for its code (《中华人民共和国民法典》) while the handbook has no
        whole text of it; citations of the code's articles then link only to those it holds.
        """
        targets: dict[str, LawEntry] = {}
        for law in self.laws:
            key = normalise_title(law.title)
            if key not in targets or targets[key].superseded and not law.superseded:
                targets[key] = law
        for law in self.laws:
            code = normalise_title(law.text_title)
            if law.excerpt and not law.superseded and code not in targets:
                targets[code] = law
        return targets


def load_handbook(root: Path, shown_as: str | None = None) -> Handbook:
    """Read every law file under `root` and `root`/handbook.yml into a Handbook.

    Messages name files as staff know them: under `shown_as`, the folder as the settings give it
    relative to mkdocs.yml (laws, content/laws), by default the folder's own name.
    """
    shown = shown_as or root.name
    config_path = root / CONFIG_NAME
    config = _read_config(config_path)
    placement = _placement(config)
    diagnostics: list[Diagnostic] = []
    entries: dict[str, LawEntry] = {}
    unreadable: set[str] = set()
    for src in sorted(root.rglob("*.md")):
        stem = src.stem
        if src.name in NOT_LAWS:
            continue
        if stem in entries:
            message = f"文件名“{stem}”与 {entries[stem].src.name} 重复，页面地址会冲突，本文件未收入手册"
            diagnostics.append(_diag(src, root, shown, 1, message))
            continue
        try:
            entries[stem] = _entry(src, placement.get(stem, OTHER))
        except UnicodeDecodeError:  # the encoding check reports it with file and line; `fazhi check` goes on
            unreadable.add(stem)
    for stem, entry in list(entries.items()):
        if stem not in placement:
            entries[stem] = _place_unlisted(entry, entries, placement, root, shown, diagnostics)
    diagnostics += _two_current_versions(entries.values(), root, shown)
    for stem in placement:
        if stem not in entries and stem not in unreadable:
            message = f"{CONFIG_NAME} 列出的“{stem}”在 {shown}/ 中找不到"
            diagnostics.append(_diag(config_path, root, shown, _line_of(config_path, stem), message))
    return _assemble(str(config.get("title") or DEFAULT_TITLE), config, entries, diagnostics)


def _place_unlisted(entry: LawEntry, entries: Mapping[str, LawEntry], placement: Mapping[str, str],
                   root: Path, shown: str, diagnostics: list[Diagnostic]) -> LawEntry:
    """A file handbook.yml does not list: in the category of another version of the same law
    (so a new version is a one-file job), else in 其他; either way the build says so."""
    sibling = next((e for e in entries.values() if e.title == entry.title and e.stem in placement), None)
    if sibling is None:
        diagnostics.append(_diag(entry.src, root, shown, 1, f"{CONFIG_NAME} 未列出本文件，已归入“{OTHER}”类", "info"))
        return entry
    message = f"{CONFIG_NAME} 未列出本文件，已按同名文本 {sibling.stem} 归入“{sibling.category}”类"
    diagnostics.append(_diag(entry.src, root, shown, 1, message, "info"))
    return replace(entry, category=sibling.category)


def _two_current_versions(entries, root: Path, shown: str) -> list[Diagnostic]:
    """A warning on each text whose title another current text also has: one must be superseded."""
    found = []
    current = [e for e in entries if not e.superseded]
    for entry in current:
        twins = [e.stem for e in current if e.title == entry.title and e is not entry]
        if twins:
            message = (f"与 {'、'.join(twins)} 同名，且都标为现行有效：请把较早的文本在前置信息中改为 "
                       "status: superseded，并在 status_note 中写明被哪个文本取代")
            found.append(_diag(entry.src, root, shown, 1, message))
    return found


def _assemble(title: str, config: Mapping[str, Any], entries: dict[str, LawEntry], diagnostics) -> Handbook:
    order = [*(config.get("categories") or {}), OTHER]
    listed = {stem: i for i, stem in enumerate(_placement(config))}
    current = [e for e in entries.values() if not e.superseded]
    categories = []
    for name in order:
        laws = sorted(
            (e for e in current if e.category == name),
            key=lambda e: (listed.get(e.stem, len(listed)), pinyin_key(e.short_title)),
        )
        if laws or name != OTHER:
            categories.append(Category(name, laws))
    history = sorted((e for e in entries.values() if e.superseded), key=lambda e: (pinyin_key(e.short_title), e.date))
    return Handbook(title, categories, history, diagnostics)


def pinyin_key(text: str) -> tuple[str, ...]:
    """Sort key: pinyin syllables with tone numbers (慈 ci2 before 妇 fu4), then the text itself."""
    return (*lazy_pinyin(text, style=Style.TONE3, errors="default"), text)


def _read_config(path: Path) -> Mapping[str, Any]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: 应为键值结构（title、categories）")
    return data


def _placement(config: Mapping[str, Any]) -> dict[str, str]:
    """File stem → category name, in config order (entries may be written with .md)."""
    placement: dict[str, str] = {}
    for name, files in (config.get("categories") or {}).items():
        for item in files or []:
            placement[Path(str(item)).stem] = str(name)
    return placement


def _entry(src: Path, category: str) -> LawEntry:
    text = src.read_text(encoding="utf-8")
    yaml_text, _, _ = split_front_matter(text)
    meta = (yaml.safe_load(yaml_text) if yaml_text else None) or {}
    law = parse_law(text)
    title = str(meta.get("title") or law.title or src.stem)
    return LawEntry(
        stem=src.stem,
        src=src,
        title=title,
        short_title=normalise_title(title),
        level=str(meta.get("level") or ""),
        date=law_meta.display_date(meta),
        effective=law_meta.chinese_date(meta.get("施行日期")),
        status=str(meta.get("status") or "current"),
        status_note=str(meta.get("status_note") or ""),
        article_count=len(law.articles),
        category=category,
        anchors=frozenset(a.number.anchor for a in law.articles),
        headings=tuple((h.anchor, h.text) for h in law.headings if h.anchor),
        text_title=law.title,
        meta=meta,
    )


def _diag(path: Path, root: Path, shown: str, line: int, message: str, level: str = "warning") -> Diagnostic:
    return Diagnostic(f"{shown}/{path.relative_to(root).as_posix()}", line, 1, level, message)


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    return 1
