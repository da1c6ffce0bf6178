"""Pair the units of two versions of a law by their text, not by their numbers.

How it decides, in three passes over each kind (articles and loose text; headings apart):

1. Anchors: the longest ordered run of units whose normalised text is identical
   (difflib.SequenceMatcher over the texts as whole symbols). An unchanged article is
   never shown as deleted plus added, whatever its number.
2. Between two anchors, one old and one new unit alone are the same unit rewritten. In a
   larger gap a dynamic programme picks the ordered pairing with the best total
   score: a 1:1 pair scores its similarity minus THRESHOLD (so pairs below it are never
   made), weighted by the characters of both (long articles count more); an article split
   in two (1:2) or two merged into one (2:1) scores the same way against the joined text,
   when each piece is mostly found in the other side (CONTAINED) beyond what the other
   piece already matched. Left out units are deleted or added.
3. Moves: an unpaired old unit whose text reappears elsewhere (identical, or at least MOVED
   similar) is paired with it even out of order.

Similarity is difflib's ratio on the normalised characters (2·matches / total length).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from fazhi.compare.units import Unit

THRESHOLD = 0.4
CONTAINED = 0.6
MOVED = 0.7

Status = Literal["added", "deleted", "changed", "renumbered", "same"]


@dataclass
class Row:
    """One line of the 对照表: the old unit(s) on the left, the new one(s) on the right."""

    old: list[Unit] = field(default_factory=list)
    new: list[Unit] = field(default_factory=list)
    moved: bool = False

    @property
    def kind(self) -> str:
        return (self.new or self.old)[0].kind

    @property
    def status(self) -> Status:
        if not self.old:
            return "added"
        if not self.new:
            return "deleted"
        if len(self.old) != 1 or len(self.new) != 1 or self.old[0].key != self.new[0].key:
            return "changed"
        return "same" if self.old[0].label == self.new[0].label else "renumbered"


def align(old: list[Unit], new: list[Unit]) -> list[Row]:
    """Rows in reading order of the new text; a deleted unit follows its old predecessor."""
    rows: list[Row] = []
    for kinds in (("article", "text"), ("heading",)):
        rows += _align_kind([u for u in old if u.kind in kinds], [u for u in new if u.kind in kinds])
    return _in_reading_order(rows, old)


def similarity(a: Unit, b: Unit) -> float:
    return _Scores([a], [b]).ratio(0, 0)


class _Scores:
    """Matched characters between every old and new unit of one gap, computed once each."""

    def __init__(self, old: list[Unit], new: list[Unit]) -> None:
        self.old, self.new = old, new
        self._matches: dict[tuple[int, int], int] = {}

    def matches(self, i: int, j: int) -> int:
        if (i, j) not in self._matches:
            a, b = self.old[i], self.new[j]
            matcher = SequenceMatcher(None, a.key, b.key, autojunk=False)
            # Only counts that can reach a pair (THRESHOLD) or a piece (CONTAINED) are worth the
            # full match; quick_ratio is an upper bound (shared characters, in any order).
            needed = min(THRESHOLD * (a.size + b.size) / 2, CONTAINED * min(a.size, b.size))
            enough = matcher.quick_ratio() * (a.size + b.size) / 2 >= needed
            self._matches[(i, j)] = sum(m.size for m in matcher.get_matching_blocks()) if enough else 0
        return self._matches[(i, j)]

    def ratio(self, i: int, j: int) -> float:
        return 2 * self.matches(i, j) / (self.old[i].size + self.new[j].size)

    def pair(self, i: int, j: int) -> float | None:
        """(ratio − THRESHOLD) × characters: long articles weigh more than short ones."""
        ratio = self.ratio(i, j)
        return (ratio - THRESHOLD) * (self.old[i].size + self.new[j].size) if ratio >= THRESHOLD else None

    def split(self, i: int, js: tuple[int, int]) -> float | None:
        """Old unit i became new units js (see _joined)."""
        return self._joined(self.old[i], [self.new[j] for j in js], [self.matches(i, j) for j in js])

    def merge(self, is_: tuple[int, int], j: int) -> float | None:
        return self._joined(self.new[j], [self.old[i] for i in is_], [self.matches(i, j) for i in is_])

    @staticmethod
    def _joined(whole: Unit, pieces: list[Unit], alone: list[int]) -> float | None:
        """Score of `whole` against `pieces` joined, when each piece adds its own text.

        Each piece must be mostly found in the whole (CONTAINED) even after the other piece
        took its share: the joined text is matched as one, so characters are not counted
        twice (a short new article that repeats words of its neighbour is no split).
        """
        if any(m < CONTAINED * p.size for m, p in zip(alone, pieces)):
            return None
        joined = SequenceMatcher(None, whole.key, "".join(p.key for p in pieces), autojunk=False)
        found = sum(b.size for b in joined.get_matching_blocks())
        if any(found - other < CONTAINED * piece.size for piece, other in zip(pieces, reversed(alone))):
            return None
        total = whole.size + sum(p.size for p in pieces)
        return (2 * found / total - THRESHOLD) * total


def _align_kind(old: list[Unit], new: list[Unit]) -> list[Row]:
    rows: list[Row] = []
    matcher = SequenceMatcher(None, [u.key for u in old], [u.key for u in new], autojunk=False)
    i0 = j0 = 0
    for block in matcher.get_matching_blocks():
        rows += _align_gap(old[i0:block.a], new[j0:block.b])
        rows += [Row([old[block.a + k]], [new[block.b + k]]) for k in range(block.size)]
        i0, j0 = block.a + block.size, block.b + block.size
    return _pair_moves(rows)


def _align_gap(old: list[Unit], new: list[Unit]) -> list[Row]:
    """The best ordered pairing of a gap (see the module docstring), as rows."""
    if not old or not new:
        return [Row([u], []) for u in old] + [Row([], [u]) for u in new]
    if len(old) == len(new) == 1:
        return [Row(old, new)]  # one article rewritten in place (第九条修改为…), however much
    scores = _Scores(old, new)
    n, m = len(old), len(new)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            options = []
            if i:
                options.append((best[i - 1][j], (1, 0)))
            if j:
                options.append((best[i][j - 1], (0, 1)))
            if i and j and (s := scores.pair(i - 1, j - 1)) is not None:
                options.append((best[i - 1][j - 1] + s, (1, 1)))
            if i and j > 1 and (s := scores.split(i - 1, (j - 2, j - 1))) is not None:
                options.append((best[i - 1][j - 2] + s, (1, 2)))
            if i > 1 and j and (s := scores.merge((i - 2, i - 1), j - 1)) is not None:
                options.append((best[i - 2][j - 1] + s, (2, 1)))
            best[i][j], step[i][j] = max(options, key=lambda o: o[0])
    rows: list[Row] = []
    i, j = n, m
    while i or j:
        di, dj = step[i][j]
        rows.append(Row(old[i - di:i], new[j - dj:j]))
        i, j = i - di, j - dj
    return rows[::-1]


def _pair_moves(rows: list[Row]) -> list[Row]:
    """Pair a deleted and an added unit that are the same text moved (identical first)."""
    deleted = [r for r in rows if not r.new]
    added = [r for r in rows if not r.old]
    if not deleted or not added:
        return rows
    scores = _Scores([r.old[0] for r in deleted], [r.new[0] for r in added])
    candidates = sorted(((scores.ratio(i, j), i, j) for i in range(len(deleted)) for j in range(len(added))
                         if scores.ratio(i, j) >= MOVED), reverse=True)
    gone: set[int] = set()
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for _, i, j in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        added[j].old, added[j].moved = deleted[i].old, True
        gone.add(id(deleted[i]))
    return [r for r in rows if id(r) not in gone]


def _in_reading_order(rows: list[Row], old: list[Unit]) -> list[Row]:
    """Sort by the new text; an old-only row goes right after the row of the old unit before it."""
    row_of_old = {u.index: r for r in rows for u in r.old}
    new_position = {id(r): r.new[0].index for r in rows if r.new}

    def key(row: Row) -> tuple[int, int, int]:
        if row.new:
            return (row.new[0].index, 0, 0)
        first = row.old[0].index
        for unit in reversed(old[:first]):
            anchor = row_of_old.get(unit.index)
            if anchor is not None and id(anchor) in new_position:
                return (new_position[id(anchor)], 1, first)
        return (-1, 1, first)

    return sorted(rows, key=key)
