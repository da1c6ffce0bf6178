"""A new year's report from the template with the five parts required by 厅字〔2019〕28号.

《法治政府建设与责任落实督察工作规定》第二十五条 asks each yearly report for: the main
measures and results, how the principal leaders performed their duty as first responsible
persons, the shortcomings and their causes, the next year's plan, and anything else.
The archive lists the new file by itself (fazhi.report.archive derives it from the files).
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from fazhi.addresses import report_uri

#: Text the template asks staff to replace; `fazhi check` warns while any is left.
PLACEHOLDER = "【请填写】"
_FIELD = re.compile(r"\{(bureau|year|next_year)\}")


def render(year: int, bureau: str) -> str:
    template = resources.files("fazhi.report").joinpath("templates/report.md").read_text(encoding="utf-8")
    values = {"bureau": bureau, "year": str(year), "next_year": str(year + 1)}
    return _FIELD.sub(lambda m: values[m.group(1)], template)


def create(docs_dir: Path, year: int, bureau: str, *, force: bool = False) -> Path:
    """Write <docs_dir>/reports/<year>.md; refuses to overwrite an existing report unless `force`."""
    target = docs_dir / report_uri(year)
    if target.exists() and not force:
        raise FileExistsError(f"{target} 已存在；如确要覆盖，请加 --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(year, bureau), encoding="utf-8")
    return target
