"""Zero-width characters in a source: named one by one, and removed by `fazhi check --fix`.

Law text copied from web pages carries invisible U+200B/U+FEFF. The law parser reads
through them (`fazhi.text.invisible`), so they are notes, not warnings: the build passes.
Staff still learn where each one is, and `--fix` removes them and changes nothing else.
"""

from __future__ import annotations

from fazhi.check.source import Source
from fazhi.diagnostics import Diagnostic
from fazhi.text.invisible import without_zero_width, zero_width_positions

FIX_HINT = "看不见也不影响条文结构，运行 fazhi check --fix 可删除"


def check_zero_width(source: Source) -> list[Diagnostic]:
    """One note per zero-width character, at its line and column (a file's BOM is check_encoding's)."""
    return [Diagnostic(source.path, line, col, "info", f"含{name}：{FIX_HINT}")
            for line, col, name in zero_width_positions(source.text)]


def fixed_text(text: str) -> str:
    """`text` without zero-width characters: the only change --fix makes for them."""
    return without_zero_width(text)
