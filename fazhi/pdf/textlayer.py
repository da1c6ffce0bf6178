"""Keeps grid.py's break spaces out of the PDF's text layer (copy, search, screen readers).

The break spaces are drawn with a break glyph of their own (fonts.prepared_face), so in
WeasyPrint's content streams they are exactly the occurrences of that glyph id in text
shown with that face. Each one becomes a plain displacement of the same width in its TJ
array: the characters around it keep their positions to the last digit, and a PDF reader
finds no character there, so "为了加强" is extracted as written. The source's own spaces
use the ordinary space glyph and stay. Text boxes that continue one another on a line are
then joined (_join), so that no extractor reads the seam between them as a space.

In a tagged PDF (pdf_tags) WeasyPrint wraps every text box in a marked-content sequence
around its own text object (BDC BT … ET EMC), so no two boxes share a text object and none
could be joined: _nest first moves each sequence inside its text object (BT BDC … EMC ET,
as PDF 32000-1 14.6 allows) and merges text objects that follow one another.

Runs as WeasyPrint's `finisher`, on the PDF objects before they are written; glyph
positions stay as WeasyPrint set them.
"""

from __future__ import annotations

import re

import pydyf

_TF = re.compile(rb"/(\S+) \S+ Tf$")
_TJ = re.compile(rb"\[(.*)\] TJ$", re.S)
_TOKEN = re.compile(rb"<([0-9a-f]*)>|([^<>]+)")


def drop_break_glyphs(document, pdf: pydyf.PDF, breaks: dict[tuple[str, int], tuple[int, ...]]) -> None:
    """Replace break glyphs by displacement in every content stream of `pdf`, and join
    text boxes that continue one another on a line (see _join).

    `breaks` maps (family, weight) of a face, e.g. ("fazhi-fangsong", 400), to the ids of
    its break glyph and tight glyph (halfwidth.py); `document` is the WeasyPrint document being written (its fonts, each shown in the
    content streams under the resource name `font.hash`).
    """
    fonts, glyphs = {}, {}
    for font in document.fonts.values():
        if font.bitmap:
            continue
        fonts[font.hash.encode()] = font.widths
        ids = breaks.get((font.family, font.weight))
        if ids:
            glyphs[font.hash.encode()] = [(f"{glyph:04x}".encode(), font.widths.get(glyph, 0)) for glyph in ids]
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream):
            obj.stream[:] = _nest(obj.stream)
            _rewrite(obj.stream, glyphs)
            _join(obj.stream, fonts)


def _rewrite(operations: list, glyphs: dict[bytes, list[tuple[bytes, int]]]) -> None:
    """Rewrite the TJ operations shown with a face that has break glyphs, in place."""
    current = None
    for i, operation in enumerate(operations):
        if not isinstance(operation, bytes):
            continue
        if operation.endswith(b" Tf") and (font := _TF.match(operation)):
            current = glyphs.get(font.group(1))
        elif current and operation.endswith(b"] TJ"):
            for code, width in current:
                shown = _TJ.match(operations[i]) if code in operations[i] else None
                if shown:
                    operations[i] = b"[" + _without(shown.group(1), code, width) + b"] TJ"
            operations[i] = _SHIFT.sub(_split, operations[i])


#: A TJ displacement (a number between glyph strings or at either end of the array).
_SHIFT = re.compile(rb"(?<=[\[> ])(-?\d+(?:\.\d+)?)(?=[ <\]])")
#: Largest displacement written as one number, in thousandths of the font size. pypdf reads
#: any TJ number of at least 0.95 × half a space, either way, as a space (half of its
#: default 200 when the subset has no space): a halved mark (halfwidth.py, +500) or a
#: justified gap would read "自治区、 直辖市".
SHIFT_LIMIT = 40


def _split(match: re.Match) -> bytes:
    """A TJ number larger than SHIFT_LIMIT as several numbers with the same sum (TJ adds
    consecutive numbers), each at most SHIFT_LIMIT."""
    value = float(match.group(1))
    if abs(value) <= SHIFT_LIMIT:
        return match.group(1)
    sign = -1 if value < 0 else 1
    whole, rest = divmod(abs(value), SHIFT_LIMIT)
    parts = [sign * SHIFT_LIMIT] * int(whole) + ([sign * rest] if rest > 1e-9 else [])
    return b" ".join(_number(part) for part in parts)


#: Operators allowed both inside and outside a text object that WeasyPrint puts between
#: a marked-content start and BT (transparency state, fill colour).
_STATE = re.compile(rb"/\S+ gs$|[\d. ]+ (rg|g|k)$")


def _marked(operation) -> bool:
    """A marked-content operator or operand: tag name (str), property list, BDC/BMC/EMC."""
    return not isinstance(operation, bytes) or operation in (b"BDC", b"BMC", b"EMC")


def _nest(operations: list) -> list:
    """`/Tag <<…>> BDC [state] BT … ET EMC` → `BT /Tag <<…>> BDC [state] … EMC ET`, and
    `ET [state] BT` → `[state]`: one text object per run of text boxes, as without tags."""
    out: list = []
    i = 0
    while i < len(operations):
        operation = operations[i]
        if operation in (b"BDC", b"BMC"):
            j = i + 1  # past state operators and nested openings (a link's Link around its Span)
            while j < len(operations) and (_marked(operations[j]) and operations[j] != b"EMC"
                                           or _STATE.match(operations[j])):
                j += 1
            if j < len(operations) and operations[j] == b"BT":
                start = len(out) - (2 if operation == b"BDC" else 1)  # the tag (and property list)
                opening = out[start:] + [operation] + operations[i + 1:j]
                del out[start:]
                _begin_text(out)
                out += opening
                i = j + 1
                continue
        if operation == b"EMC" and out and out[-1] == b"ET":
            out[-1:] = [b"EMC", b"ET"]
        elif operation == b"BT":
            _begin_text(out)
        else:
            out.append(operation)
        i += 1
    return out


def _begin_text(out: list) -> None:
    """Append BT to `out`, or continue the text object `out` ends with (after its ET only
    state operators may follow, which are allowed inside a text object)."""
    k = len(out)
    while k > 0 and isinstance(out[k - 1], bytes) and _STATE.match(out[k - 1]):
        k -= 1
    if k > 0 and out[k - 1] == b"ET":
        del out[k - 1]
    else:
        out.append(b"BT")


_TM = re.compile(rb"1 0 0 -1 (\S+) (\S+) Tm$")
_SIZE = re.compile(rb"/(\S+) (\S+) Tf$")
#: Boxes closer than this (in thousandths of the font size) continue one another.
JOIN_LIMIT = 50


def _join(operations: list, fonts: dict[bytes, dict[int, int]]) -> None:
    """Drop the text matrix of a text box that starts where the previous one ended on the
    same line (a gap span, a link, a run-in heading: WeasyPrint starts each box with its
    own matrix); the box's TJ then starts with the small remainder as a displacement.

    Extractors such as pypdf measure such a jump by glyph widths alone, without the TJ
    displacements of justification, and take the difference for a word space.
    """
    end = None  # (x, y) where the last text shown ended, in text matrix units
    font = size = None
    pending = None  # (index of a Tm that may go, its x, where the text before it ended)
    for i, operation in enumerate(operations):
        if _marked(operation):
            continue  # marked content (pdf_tags) does not move the text
        if operation.endswith(b" Tm"):
            matrix = _TM.match(operation)
            if not matrix:
                end = pending = None
                continue
            x, y = float(matrix.group(1)), matrix.group(2)
            pending = (i, x, end[0]) if end and end[1] == y else None
            end = (x, y)
        elif operation.endswith(b" Tf"):
            match = _SIZE.match(operation)
            font, size = (match.group(1), float(match.group(2))) if match else (None, None)
        elif operation.endswith(b"] TJ") and end and font in fonts and size:
            shown = _TJ.match(operation).group(1)
            if pending and abs(shift := (pending[2] - pending[1]) * 1000 / size) < JOIN_LIMIT:
                operations[pending[0]] = b""
                operations[i] = b"[%s %s] TJ" % (_number(shift), shown)
            pending = None
            end = (end[0] + _advance(shown, fonts[font]) * size / 1000, end[1])
        else:
            end = pending = None


def _advance(array: bytes, widths: dict[int, int]) -> float:
    """A TJ array's advance in thousandths of the font size (glyph widths minus numbers)."""
    total = 0.0
    for hexes, other in _TOKEN.findall(array):
        if other:
            total -= sum(map(float, other.split()))
        else:
            total += sum(widths.get(int(hexes[j:j + 4], 16), 0) for j in range(0, len(hexes), 4))
    return total


def _without(array: bytes, code: bytes, width: int) -> bytes:
    """A TJ array's content with each 4-digit glyph `code` turned into a displacement of
    its advance (`width` thousandths of the font size; TJ numbers count the other way).

    A displacement is summed with the numbers next to it (the justification's kerning), as
    one number: readers that guess word spaces from large TJ numbers then see the net gap.
    """
    out: list[bytes] = []
    numbers: list[bytes] = []  # numbers not yet written, as they were
    shift: float | None = None  # displacement of break glyphs among them

    def flush() -> None:
        nonlocal shift
        if shift is not None:
            out.append(b" %s " % _number(shift + sum(map(float, numbers))))
        elif numbers:
            out.append(b" " + b" ".join(numbers) + b" ")
        numbers.clear()
        shift = None

    for hexes, other in _TOKEN.findall(array):
        if other:
            numbers.extend(other.split())
            continue
        run: list[bytes] = []
        for j in range(0, len(hexes), 4):
            glyph = hexes[j:j + 4]
            if glyph == code:
                if run:
                    flush()
                    out.append(b"<" + b"".join(run) + b">")
                    run = []
                shift = (shift or 0) - width
            else:
                run.append(glyph)
        if run:
            flush()
            out.append(b"<" + b"".join(run) + b">")
    flush()
    return b"".join(out).strip()


def _number(value: float) -> bytes:
    """A TJ number as short as exact: integers without a point, others to 1/10000."""
    value = round(value, 4)
    return b"%d" % value if value == int(value) else (b"%.4f" % value).rstrip(b"0")
