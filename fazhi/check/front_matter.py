"""Required front matter: a report needs its 公文 parts, a law its title, level and status."""

from __future__ import annotations

from fazhi.diagnostics import Diagnostic
from fazhi.report.gongwen import REQUIRED_KEYS as REPORT_KEYS
from fazhi.check.source import Source

LAW_KEYS = ("title", "level", "status")


def check_front_matter(source: Source) -> list[Diagnostic]:
    if source.meta_error:
        return [Diagnostic(source.path, source.meta_end_line, 1, "error", source.meta_error)]
    required = {"report": REPORT_KEYS, "law": LAW_KEYS}.get(source.kind, ())
    what = "年度报告" if source.kind == "report" else "法律法规"
    return [
        Diagnostic(source.path, 1, 1, "error", f"缺少前置信息“{key}”（{what}必须写明：{'、'.join(required)}）")
        for key in required
        if source.meta.get(key) in (None, "")
    ]
