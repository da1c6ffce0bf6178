"""Reading PDF pages back as lines of characters (pdfplumber), for the print tests.

Positions are in millimetres from the top-left corner of the page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PT = 25.4 / 72  # mm per point


@dataclass
class Line:
    page: int  # 1-based
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def plain(self) -> str:
        """The text without the spaces (break points of the justification, gaps)."""
        return "".join(c["text"] for c in self.chars if not c["text"].isspace())

    @property
    def visible(self) -> list[dict]:
        return [c for c in self.chars if not c["text"].isspace()]

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.visible) * PT

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.visible) * PT

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.visible) * PT

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.visible) * PT

    @property
    def size(self) -> set[float]:
        return {round(c["size"], 2) for c in self.visible}

    @property
    def fonts(self) -> set[str]:
        return {c["fontname"].split("+")[-1] for c in self.visible}


def page_lines(page, number: int) -> list[Line]:
    """The page's text lines, top to bottom (characters grouped by their baseline)."""
    rows: list[list[dict]] = []
    for char in sorted(page.chars, key=lambda c: c["bottom"]):
        # Faces differ in descent, so one line's baselines differ by a fraction of a point.
        if rows and char["bottom"] - rows[-1][0]["bottom"] < 2:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = [Line(number, sorted(chars, key=lambda c: c["x0"])) for chars in rows]
    return [line for line in lines if line.visible]


def is_wide(ch: str) -> bool:
    """Characters of the Chinese grid: ideographs and full-width forms and marks."""
    return unicodedata.east_asian_width(ch) in "WF" or ch in "“”‘’—…·"


def pdf_text(pdf) -> str:
    """All characters of all pages in reading order (line by line)."""
    return "".join(line.text for i, page in enumerate(pdf.pages, 1) for line in page_lines(page, i))


def is_subsequence(needle: str, haystack: str) -> tuple[bool, int]:
    """Whether `needle` occurs in `haystack` in order; also how far it matched."""
    it = iter(haystack)
    for matched, ch in enumerate(needle):
        if not any(h == ch for h in it):
            return False, matched
    return True, len(needle)


def own_name(role: str) -> str:
    """The PostScript name (name ID 6) in the font file of a print role's default face
    (fangsong, kaiti, heiti, heiti-bold, songti, xiaobiaosong): what the PDF must embed."""
    from fontTools.ttLib import TTCollection, TTFont

    from fazhi.pdf import fonts

    face = next(face for face in fonts.FACES if fonts.role(face) == role)
    path = fonts.find_file(face)
    if face.face_name:
        font = next(f for f in TTCollection(str(path), lazy=True).fonts if f["name"].getDebugName(4) == face.face_name)
    else:
        font = TTFont(str(path), lazy=True)
    return font["name"].getDebugName(6)
