"""The importer's view of a document: its non-empty paragraphs, in order, with where they came from.

Plain text and Word files both become a list of `Para`; the report and law converters
never look at the file format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Indentation and trailing blanks: ASCII spaces, tabs, U+3000 and no-break spaces.
BLANKS = " \t\u3000\u00a0\r"


@dataclass(frozen=True)
class Para:
    text: str
    #: Line (text files) or paragraph number (Word files), 1-based, for messages.
    line: int
    #: Outline level from a Word heading style (Heading 1 → 1), if any.
    heading: int | None = None
    #: True for Word's Title style.
    title: bool = False
    #: A table row already rendered as Markdown (kept apart from running text).
    table: bool = False


def paragraphs_from_text(text: str) -> list[Para]:
    """One paragraph per non-empty line, indentation dropped (txt exports put one paragraph a line)."""
    paras = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip(BLANKS)
        if stripped:
            paras.append(Para(stripped, number))
    return paras


_SPACE_RUN = re.compile(r"[ \t\u3000\u00a0]+")


def squeeze(text: str) -> str:
    """Drop all blanks (used only to compare page chrome, never on content)."""
    return _SPACE_RUN.sub("", text)
