"""Source lines outside fenced code blocks, for checks that read Markdown line by line.

A `## 标题` or `（一）` inside ``` or ~~~ fences is code, not a heading or a marker.
"""

from __future__ import annotations

import re
from typing import Iterator

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (0-based index, line) for every line that is neither a fence nor inside one."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening:
            mark = opening.group(1)[0]
            fence = None if fence == mark else (fence or mark)
            continue
        if not fence:
            yield index, line
