"""One comparison: two versions, their aligned rows with marked words, and the summary counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from fazhi.compare import diff
from fazhi.compare.align import Row, align
from fazhi.compare.pairs import Version, read_version
from fazhi.compare.units import units
from fazhi.law.structure import parse_law

#: Summary order and wording, as the 对照表 states it.
STATUS_WORDS = {"added": "新增", "deleted": "删除", "changed": "修改", "renumbered": "仅序号变动", "same": "未改"}


@dataclass
class MarkedRow:
    row: Row
    old: diff.Marked
    new: diff.Marked

    @property
    def status(self) -> str:
        return self.row.status


@dataclass
class Comparison:
    title: str
    old_label: str
    new_label: str
    rows: list[MarkedRow]
    #: The two files compared (none for texts given directly): their git dates date the PDF.
    sources: tuple[Path, ...] = ()

    def counts(self, heading: bool = False) -> dict[str, int]:
        """Rows per status (articles, or with `heading` the 编/章/节 headings), in STATUS_WORDS order."""
        found = Counter(r.status for r in self.rows if (r.row.kind == "heading") == heading)
        return {status: found.get(status, 0) for status in STATUS_WORDS}

    @property
    def mostly_unchanged(self) -> bool:
        """Whether 只看修改 starts on: most article rows have the same text."""
        counts = self.counts()
        return counts["same"] + counts["renumbered"] > sum(counts.values()) / 2


def compare_texts(old_text: str, new_text: str, title: str = "", old_label: str = "修订前",
                  new_label: str = "修订后") -> Comparison:
    """Compare two law texts in the handbook's Markdown form (front matter optional)."""
    old_law, new_law = parse_law(old_text), parse_law(new_text)
    rows = align(units(old_law), units(new_law))
    return Comparison(title or new_law.title or old_law.title, old_label, new_label, [_marked(r) for r in rows])


def compare_versions(old: Version, new: Version) -> Comparison:
    comparison = compare_texts(old.path.read_text(encoding="utf-8"), new.path.read_text(encoding="utf-8"),
                               new.title, old.year_label, new.year_label)
    return replace(comparison, sources=(old.path, new.path))


def compare_files(old: Path, new: Path) -> Comparison:
    return compare_versions(read_version(old), read_version(new))


def _marked(row: Row) -> MarkedRow:
    old = [u.paragraphs for u in row.old]
    new = [u.paragraphs for u in row.new]
    if row.status in ("changed",) and old and new:
        return MarkedRow(row, *diff.mark(old, new))
    return MarkedRow(row, diff.plain(old), diff.plain(new))
