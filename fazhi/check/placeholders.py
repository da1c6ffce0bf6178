"""Template prompts (【请填写】) left in a report created by `fazhi new-report`."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..new_report import PLACEHOLDER
from .markers import body_lines
from .source import Source


def check_placeholders(source: Source) -> list[Diagnostic]:
    if source.kind != "report":
        return []
    return [
        Diagnostic(source.path, line, text.index(PLACEHOLDER) + 1, "warning", f"模板提示文字“{PLACEHOLDER}”尚未替换为正文")
        for line, text in body_lines(source)
        if PLACEHOLDER in text
    ]
