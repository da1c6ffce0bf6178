"""Site settings kept under `extra.fazhi` in mkdocs.yml, read in one place.

They live under `extra` because MkDocs rejects unknown top-level keys under --strict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from fazhi.report.numbering import SCHEMES


@dataclass(frozen=True)
class Settings:
    #: Scheme for pages that say nothing and match no prefix.
    numbering_default: str = "none"
    #: Folder prefix (as in docs/) → scheme, e.g. {"reports/": "gongwen"}; longest prefix wins.
    numbering_by_path: dict[str, str] = field(default_factory=dict)
    bureau: str = ""

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any]) -> "Settings":
        raw = dict((extra or {}).get("fazhi") or {})
        numbering = dict(raw.get("numbering") or {})
        default = str(numbering.pop("default", "none"))
        by_path = {str(k): str(v) for k, v in numbering.items()}
        for scheme in [default, *by_path.values()]:
            if scheme not in SCHEMES:
                raise ValueError(f"extra.fazhi.numbering: 未知的编号方案 {scheme!r}，可用：{', '.join(SCHEMES)}")
        return cls(default, by_path, str(raw.get("bureau", "")))

    def scheme_for(self, src_uri: str, meta: Mapping[str, Any]) -> str:
        """Front matter `numbering:` wins, then the longest matching folder prefix, then the default."""
        if meta.get("numbering"):
            return str(meta["numbering"])
        prefixes = [p for p in self.numbering_by_path if src_uri.startswith(p)]
        return self.numbering_by_path[max(prefixes, key=len)] if prefixes else self.numbering_default
