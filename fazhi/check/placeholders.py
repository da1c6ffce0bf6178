"""What a report made by `fazhi new-report` or a 问答 made by `fazhi new-wenda` still lacks:
template prompts (【请填写】; in a 问答's 依据 too) and the day of a report's 成文日期. The publish build refuses them too (a template must not go out as it is);
`mkdocs serve` still previews it, with the warnings."""

from __future__ import annotations

from fazhi.diagnostics import Diagnostic
from fazhi.importer.report import DATE
from fazhi.importer.source import squeeze
from fazhi.report.new import PLACEHOLDER
from fazhi.check.markers import body_lines
from fazhi.check.source import Source


def check_placeholders(source: Source) -> list[Diagnostic]:
    if source.kind not in ("report", "wenda"):
        return []
    # a 问答's prompts stand in its front matter (依据) as well as in its body
    lines = enumerate(source.text.split("\n"), 1) if source.kind == "wenda" else body_lines(source)
    found = [
        Diagnostic(source.path, line, text.index(PLACEHOLDER) + 1, "warning", f"模板提示文字“{PLACEHOLDER}”尚未替换为正文")
        for line, text in lines
        if PLACEHOLDER in text
    ]
    date = str(source.meta.get("成文日期") or "")
    if date and not DATE.match(squeeze(date)):
        line = next((n for n, text in enumerate(source.text.split("\n"), 1) if text.startswith("成文日期")), 1)
        found.insert(0, Diagnostic(source.path, line, 1, "warning", f"成文日期“{date}”不完整，应写成“2025年1月26日”的形式"))
    return found
