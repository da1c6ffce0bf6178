"""Word-level differences inside a changed row, for <del>/<ins> marks.

Both sides are cut into jieba words (fazhi.text.segment's once-loaded dictionary) and
compared by their normalised form, so a stray space or (一) for （一） marks nothing. A
difference whose two sides read the same once normalised (条件 against 条 件: jieba cuts
them differently) is no difference either. Paragraph and article boundaries are tokens of
their own, so words are never matched across a 款.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from fazhi.compare.units import normalise
from fazhi.text.segment import cut

Mark = Literal["", "del", "ins"]
#: Common runs of at most this many characters between two changes count as changed.
CRUMB = 1


@dataclass
class Piece:
    text: str
    mark: Mark = ""


#: A side's text: units → paragraphs → pieces, the same shape as the units' paragraphs.
Marked = list[list[list[Piece]]]


@dataclass(frozen=True)
class _Token:
    text: str
    key: str
    unit: int
    paragraph: int


def tokens(paragraphs_of_units: list[tuple[str, ...]]) -> list[_Token]:
    """Words of every paragraph, with a boundary token (empty text) before each paragraph."""
    found: list[_Token] = []
    for u, paragraphs in enumerate(paragraphs_of_units):
        for p, text in enumerate(paragraphs):
            found.append(_Token("", "¶" if p else "§", u, p))
            found += [_Token(word, normalise(word), u, p) for word in cut(text)]
    return found


def mark(old: list[tuple[str, ...]], new: list[tuple[str, ...]]) -> tuple[Marked, Marked]:
    """The paragraphs of both sides as pieces, changed words marked del (old) and ins (new)."""
    a, b = tokens(old), tokens(new)
    keys_a = [t.key for t in a]
    keys_b = [t.key for t in b]
    marks_a: list[Mark] = [""] * len(a)
    marks_b: list[Mark] = [""] * len(b)
    opcodes = SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in _absorb_crumbs(opcodes, keys_a):
        if op == "equal" or "".join(keys_a[i1:i2]) == "".join(keys_b[j1:j2]):
            continue
        marks_a[i1:i2] = ["del" if t.key else "" for t in a[i1:i2]]
        marks_b[j1:j2] = ["ins" if t.key else "" for t in b[j1:j2]]
    return _assemble(a, marks_a, old), _assemble(b, marks_b, new)


def _absorb_crumbs(opcodes: list[tuple], keys_a: list[str]) -> list[tuple]:
    """A lone common character between two changes (the 、 in 协调机制，统筹、协调) is read
    as part of the change around it, so a rewritten sentence is not shredded into pieces."""
    out = list(opcodes)
    for k in range(1, len(out) - 1):
        op, i1, i2, j1, j2 = out[k]
        short = len("".join(keys_a[i1:i2])) <= CRUMB and "¶" not in keys_a[i1:i2] and "§" not in keys_a[i1:i2]
        if op == "equal" and short and out[k - 1][0] != "equal" and out[k + 1][0] != "equal":
            out[k] = ("replace", i1, i2, j1, j2)
    return out


def _assemble(found: list[_Token], marks: list[Mark], shape: list[tuple[str, ...]]) -> Marked:
    """Group tokens back into units and paragraphs; neighbours with the same mark join."""
    out: Marked = [[[] for _ in paragraphs] for paragraphs in shape]
    for token, flag in zip(found, marks):
        if not token.text:
            continue
        pieces = out[token.unit][token.paragraph]
        if pieces and pieces[-1].mark == flag:
            pieces[-1].text += token.text
        else:
            pieces.append(Piece(token.text, flag))
    return out


def plain(shape: list[tuple[str, ...]]) -> Marked:
    """Unmarked pieces, for rows without a change."""
    return [[[Piece(text)] if text else [] for text in paragraphs] for paragraphs in shape]
