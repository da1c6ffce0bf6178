"""Findings about a source file, printed as `path:line:col: level: message`.

One type shared by the Markdown extensions (reported by the build's steps as
warnings, so `mkdocs build --strict` fails on them) and by `fazhi check`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVEL_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.level}: {self.message}"


@dataclass
class Collector:
    """Accumulates diagnostics for one document; drained by whoever reports them."""

    path: str = "<text>"
    line_offset: int = 0
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, line: int, message: str, level: Level = "warning", col: int = 1) -> None:
        self.items.append(Diagnostic(self.path, line + self.line_offset, col, level, message))

    def drain(self) -> list[Diagnostic]:
        items, self.items = self.items, []
        return items
