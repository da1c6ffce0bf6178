"""One source file as every check sees it: bytes, decoded text, front matter and body."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fazhi.addresses import REPORT_FILE, is_law_uri, is_wenda_uri
from fazhi.text.frontmatter import split_front_matter
from fazhi.report.gongwen import is_report
from fazhi.importer.textfile import Decoded, decode


@dataclass
class Source:
    #: Path as shown in messages (relative to the working directory when possible).
    path: str
    #: Path relative to its content folder: reports/2024.md, handbook/xianfa.md (as in the site).
    uri: str
    data: bytes
    decoded: Decoded
    meta: dict[str, Any] = field(default_factory=dict)
    #: Markdown after the front matter, and the number of file lines before it.
    body: str = ""
    body_offset: int = 0
    #: Line of the front matter's closing fence (1 when there is no front matter).
    meta_end_line: int = 1
    meta_error: str | None = None

    @property
    def text(self) -> str:
        return self.decoded.text

    @property
    def kind(self) -> str:
        """"law" for handbook files, "report" for 公文 reports, "wenda" for 问答, else "page"."""
        if is_law_uri(self.uri):
            return "law"  # not preface.md, the printed handbook's 编印说明
        if is_wenda_uri(self.uri):
            return "wenda"
        if is_report(self.meta) or REPORT_FILE.match(self.uri):
            return "report"
        return "page"


def load(path: Path, display: str, uri: str) -> Source:
    data = path.read_bytes()
    decoded = decode(data)
    yaml_text, body, offset = split_front_matter(decoded.text)
    source = Source(display, uri, data, decoded, body=body, body_offset=offset, meta_end_line=max(offset, 1))
    if yaml_text:
        try:
            meta = yaml.safe_load(yaml_text)
            source.meta = meta if isinstance(meta, dict) else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            source.meta_error = f"前置信息（文件开头两行 --- 之间）不是有效的 YAML：{getattr(error, 'problem', error)}"
            source.meta_end_line = (mark.line + 2) if mark else 1
    return source
