"""QR codes from paper to the site: a printed handbook outlives revisions, so each law's
first page (and the report) carries a small code to its page on the site, where the
current text is. Vector SVG made by segno, inline in the print HTML; none without a
site_url in mkdocs.yml (there is nowhere to point to)."""

from __future__ import annotations

from html import escape

import segno

LAW_CAPTION = "扫码查看现行文本"
REPORT_CAPTION = "扫码查看网页版"


def block(url: str, caption: str) -> str:
    """A div.fz-qr with the code for `url` and its caption (print.css sizes it); "" for no URL."""
    if not url:
        return ""
    svg = segno.make(url, error="m").svg_inline(border=0, omitsize=True, title=None)
    return (f'<div class="fz-qr fz-no-grid" data-fz-url="{escape(url)}"><span class="fz-qr-caption">{escape(caption)}</span>'
            f'<span class="fz-qr-code" role="img" aria-label="{escape(caption)}：{escape(url)}">{svg}</span></div>')
