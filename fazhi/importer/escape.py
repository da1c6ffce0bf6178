"""Escaping plain text so Markdown renders exactly the characters the author typed."""

from __future__ import annotations

import re

#: Characters Python-Markdown would read as markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]{}#])")
#: Markup that only matters at the start of a block: quotes, lists, rules, tables.
_BLOCK_MARK = re.compile(r"^[>+\-|]")
_ORDERED = re.compile(r"^(\d+)(?=[.)])")


def escape(text: str) -> str:
    """Backslash-escape Markdown syntax characters; `&` and `<` become entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_MARK.sub(lambda m: "\\" + m.group(0), text)
    return _ORDERED.sub(r"\1\\", text)
