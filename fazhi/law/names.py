"""The names readers and staff use for a law: its title, the title without 中华人民共和国,
and the short names of `aliases.yml` (反家暴法, 老年法, 收养登记办法).

One list serves search (a law found by any of its names) and the citations staff write
in 问答 (民法典第一千零七十七条, 《反家暴法》第二十三条), so a name that works in one works
in the other.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from fazhi.law.xref import PREFIX


@lru_cache(maxsize=1)
def _curated_aliases() -> dict[str, tuple[str, ...]]:
    text = resources.files(__package__).joinpath("aliases.yml").read_text(encoding="utf-8")
    return {title: tuple(names) for title, names in (yaml.safe_load(text) or {}).items()}


def law_names(title: str) -> list[str]:
    """The title first, then the names readers use for it: 中华人民共和国反家庭暴力法 →
    反家庭暴力法, 反家暴法."""
    names = [title]
    if title.startswith(PREFIX) and len(title) > len(PREFIX):
        names.append(title[len(PREFIX):])
    for name in _curated_aliases().get(title, ()):
        if name not in names:
            names.append(name)
    return names
