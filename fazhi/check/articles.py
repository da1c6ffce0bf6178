"""Law files: article continuity, 第一条 … 第N条 without gap, duplicate or reordering (fazhi.law.continuity)."""

from __future__ import annotations

from fazhi.diagnostics import Diagnostic
from fazhi.law.continuity import check_articles
from fazhi.check.source import Source


def check_continuity(source: Source) -> list[Diagnostic]:
    return check_articles(source.text, source.path)
