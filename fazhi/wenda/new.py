"""A new 问答 or 以案释法 from its template (`fazhi new-wenda 结婚登记要带哪些证件？`).

The file goes to docs/wenda/ under the pinyin of the question (jie-hun-deng-ji-….md); the
template's 【请填写】 prompts fail `fazhi check` and the strict build until they are replaced,
so a half-written answer is never published.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from fazhi.text.ids import slugify

#: Short file names: the first syllables of the question are enough to tell files apart.
NAME_SYLLABLES = 10


def render(title: str, case: bool = False) -> str:
    name = "case.md" if case else "question.md"
    template = resources.files(__package__).joinpath(f"templates/{name}").read_text(encoding="utf-8")
    # a JSON string is a YAML scalar: a question with a colon or quotes stays one title
    return template.replace("{title}", json.dumps(title.strip(), ensure_ascii=False))


def create(folder: Path, title: str, *, case: bool = False, force: bool = False) -> Path:
    """Write folder/<pinyin of the title>.md; refuses to overwrite unless `force`."""
    target = folder / f"{slugify(title, NAME_SYLLABLES)}.md"
    if target.exists() and not force:
        raise FileExistsError(f"{target} 已存在；如确要覆盖，请加 --force（或换一个问题的写法）")
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(render(title, case), encoding="utf-8")
    return target
