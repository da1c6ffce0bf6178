"""Which law files are two versions of one law: the pairs that get a 新旧对照.

Files with the same `title` in front matter are versions of one law (as the handbook's
`Handbook.versions_of` has it); each `status: superseded` version is paired with the next
newer version by 公布日期 (the current text for the newest old one).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from fazhi.addresses import comparison_uri
from fazhi.law.handbook import Handbook
from fazhi.law.meta import chinese_date, is_superseded
from fazhi.text.frontmatter import split_front_matter

@dataclass(frozen=True)
class Version:
    path: Path
    meta: Mapping[str, Any]

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.stem)

    @property
    def date(self) -> str:
        """公布日期 as ISO text for ordering ('' sorts first)."""
        value = self.meta.get("公布日期")
        return "" if value is None else str(value)

    @property
    def year_label(self) -> str:
        """How the table header names the version: 2016年3月16日公布 (or 现行文本)."""
        shown = chinese_date(self.meta.get("公布日期"))
        return f"{shown}公布" if shown else ("历史文本" if is_superseded(self.meta) else "现行文本")


@dataclass(frozen=True)
class Pair:
    old: Version
    new: Version

    @property
    def src_uri(self) -> str:
        """The generated page, under the newer version: handbook/<new stem>/duizhao.md."""
        return comparison_uri(self.new.stem)


def read_version(path: Path) -> Version:
    yaml_text, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    meta = (yaml.safe_load(yaml_text) if yaml_text else None) or {}
    return Version(path, meta if isinstance(meta, Mapping) else {})


def find_pairs(versions: Iterable[Version]) -> list[Pair]:
    """Pairs (older, next newer) among the versions, ordered by the newer file's name."""
    by_title: dict[str, list[Version]] = {}
    for version in versions:
        by_title.setdefault(version.title, []).append(version)
    pairs = []
    for group in by_title.values():
        ordered = sorted(group, key=lambda v: (not is_superseded(v.meta), v.date, v.stem))
        for older, newer in zip(ordered, ordered[1:]):
            if is_superseded(older.meta):
                pairs.append(Pair(older, newer))
    return sorted(pairs, key=lambda p: p.new.stem)


def handbook_pairs(book: Handbook) -> list[Pair]:
    """The pairs among the handbook's laws (already read by the build: no file is read again)."""
    return find_pairs(Version(law.src, law.meta) for law in book.laws)
