"""The legal footer of a government site, from the fazhi plugin's `footer` option in mkdocs.yml.

Chinese government sites show 主办单位, contact details, 网站标识码, ICP备案号 and
公安机关备案号. Staff fill them in mkdocs.yml; an empty field is not shown. The two 备案号
link to their public registries as plain links (a link makes no request when the page loads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

FIELDS = ("主办单位", "联系地址", "联系电话", "电子邮箱", "网站标识码", "ICP备案号", "公安机关备案号")
ICP_REGISTRY = "https://beian.miit.gov.cn/"
PSB_REGISTRY = "https://beian.mps.gov.cn/#/query/webSearch?code="


@dataclass(frozen=True)
class FooterRow:
    label: str
    text: str
    href: str = ""


def _href(label: str, text: str) -> str:
    if label == "ICP备案号":
        return ICP_REGISTRY
    if label == "公安机关备案号":
        digits = "".join(re.findall(r"\d+", text))
        return PSB_REGISTRY + digits if digits else ""
    if label == "电子邮箱":
        return f"mailto:{text}"
    return ""


def footer_rows(fields: Mapping[str, str]) -> list[FooterRow]:
    """The filled footer fields (validated by fazhi.settings) in the usual order."""
    rows = []
    for label in FIELDS:
        text = str(fields.get(label) or "").strip()
        if text:
            rows.append(FooterRow(label, text, _href(label, text)))
    return rows
