"""Where a source file's YAML front matter ends, found the way MkDocs finds it.

One splitter for every reader of sources (the law parser, the handbook loader, `fazhi
check`, the HTML allow-list), so all of them cite the same file line numbers: a block
opened by `---` on the first line and closed by `---` or `...`, trailing blanks allowed,
CRLF line ends and a byte-order mark tolerated.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$")
_OPENING = re.compile(r"^\ufeff?---[ \t]*\r?$")


def body_start(lines: list[str]) -> int:
    """Index of the first line after the front matter block (0 when there is none)."""
    if lines and _OPENING.match(lines[0]):
        for index in range(1, len(lines)):
            if _FENCE.match(lines[index]):
                return index + 1
    return 0


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(YAML text, body, lines before the body); no front matter gives ("", text, 0)."""
    lines = text.split("\n")
    start = body_start(lines)
    if not start:
        return "", text, 0
    return "\n".join(lines[1:start - 1]), "\n".join(lines[start:]), start
