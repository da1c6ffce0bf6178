"""The 公文 parts around a report body: title, 主送机关, 发文机关署名, 成文日期.

Authors keep them in front matter (title, 主送机关, 署名, 成文日期) so the body stays
plain Markdown; the same HTML serves the web page and the print HTML.
Layout follows GB/T 9704-2012 7.3.1, 7.3.2 and 7.3.5.2 (no seal); the CSS classes
here are styled by the site stylesheet and the print stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Mapping

from fazhi import contract

REQUIRED_KEYS = ("title", "署名", "成文日期")
_COLONS = "：:"


@dataclass(frozen=True)
class ReportParts:
    title: str
    addressee: str | None
    signature: str | None
    date: str | None

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any]) -> "ReportParts":
        def text(key: str) -> str | None:
            value = meta.get(key)
            return None if value is None else str(value).strip()

        return cls(text("title") or "", text("主送机关"), text("署名"), text("成文日期"))


def is_report(meta: Mapping[str, Any]) -> bool:
    """A page is a 公文 report when its front matter carries a 成文日期 or 署名."""
    return any(key in meta for key in ("成文日期", "署名"))


def head_html(parts: ReportParts) -> str:
    """Title (centred, 7.3.1) and 主送机关 (flush left, full-width colon, 7.3.2)."""
    html = f'<h1 class="{contract.TITLE}">{escape(parts.title)}</h1>\n'
    if parts.addressee:
        html += f'<p class="fz-addressee">{escape(parts.addressee.rstrip(_COLONS))}：</p>\n'
    return html


def signature_html(parts: ReportParts) -> str:
    """署名 right-aligned 2 字 in, 成文日期 one line below starting 2 字 further right.

    The box is as wide as its longer line, so the stylesheet's `margin-right: 2em`
    realises both cases of 7.3.5.2: a longer date sits 2 字 from the right edge and
    pushes the 署名 left; a longer 署名 sits 2 字 from the edge.
    """
    if not (parts.signature or parts.date):
        return ""
    lines = []
    if parts.signature:
        lines.append(f'<span class="fz-signer">{escape(parts.signature)}</span>')
    if parts.date:
        lines.append(f'<span class="fz-date">{escape(parts.date)}</span>')
    # A named group, so a screen reader announces what the two bare lines at the end are.
    return (f'<div class="{contract.SIGNATURE}" role="group" aria-label="发文机关署名和成文日期">'
            f'<div class="fz-signature-box">{"".join(lines)}</div></div>\n')


def wrap_report(body_html: str, meta: Mapping[str, Any]) -> str:
    """The full report: head, numbered body, then the signature block."""
    parts = ReportParts.from_meta(meta)
    return head_html(parts) + f'<div class="fz-body">\n{body_html}\n</div>\n' + signature_html(parts)
