"""The 对照表 as a PDF: A4 landscape, 修订前 | 修订后, the header row on every page.

Goes through fazhi.pdf (print.css, bound fonts, the content-hash cache), so an unchanged pair
is copied from .cache/pdf instead of being laid out again.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fazhi.compare.comparison import Comparison
from fazhi.compare.html import body_html, page_title
from fazhi.pdf import html as print_html
from fazhi.pdf.render import Renderer, sources_date

BODY_CLASS = "fz-duizhao-print"


def print_document(comparison: Comparison, author: str = "") -> str:
    """Print HTML: title, summary and the table (no switch, no links: paper shows every row)."""
    title = page_title(comparison.title)
    # Dated by its two files' last commits, so a commit elsewhere does not re-render it.
    info = print_html.DocInfo(title, author, sources_date(list(comparison.sources)))
    body = f'<h1 class="fz-dz-title">{escape(title)}</h1>\n{body_html(comparison, switch=False)}'
    return print_html.document(body, info, BODY_CLASS)


def write_pdf(comparison: Comparison, target: Path, renderer: Renderer, author: str = "") -> Path:
    return renderer.render(print_document(comparison, author), target)


def write_pdfs(jobs: list[tuple[Comparison, Path]], cache: Path, author: str = "") -> tuple[int, int]:
    """Write each comparison's PDF through one renderer; (rendered, taken from the cache)."""
    renderer = Renderer(cache)
    try:
        for comparison, target in jobs:
            write_pdf(comparison, target, renderer, author)
    finally:
        renderer.close()
    return renderer.rendered, renderer.reused
