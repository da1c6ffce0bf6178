"""The PDFs of one site build: collected while MkDocs renders pages, written after the build.

Reports and law pages are captured from page.content (after the report and law steps), so the
PDF prints exactly the text of the web page. Settings live in mkdocs.yml under
the plugin's `pdf` option (handbook_size, law_size: A4 or A5; booklet_signature: pages per
signature, a multiple of 4; fonts: licensed faces by role, see fonts.configured_faces).
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from fazhi.addresses import HANDBOOK_BOOKLET_PDF, HANDBOOK_PDF, law_uri, pdf_path, public_url, relative_url
from fazhi.report.gongwen import is_report
from fazhi.settings import Settings
from fazhi.law.handbook import HISTORY, Handbook
from fazhi.pdf import booklet, frontmatter_pages, html, qr, render

@dataclass(frozen=True)
class PdfSettings:
    handbook_size: str = "A5"
    law_size: str = "A5"
    booklet_signature: int = booklet.DEFAULT_SIGNATURE
    bureau: str = ""
    fonts: Mapping[str, str] = field(default_factory=dict)  # role → file path or family name
    site_url: str = ""  # mkdocs.yml site_url: QR codes point there (none when empty)
    imprint: Mapping[str, str] = field(default_factory=dict)  # 版权页: 编印单位, 印数, 印制日期

    @classmethod
    def from_site(cls, settings: Settings, site_url: str | None = "") -> "PdfSettings":
        """The print part of the site's validated settings (fazhi.settings), plus site_url for QR codes."""
        pdf = settings.pdf
        return cls(pdf.handbook_size, pdf.law_size, pdf.booklet_signature, settings.bureau,
                   dict(pdf.fonts), str(site_url or ""), dict(pdf.imprint))


@dataclass
class PdfBuild:
    """Print material of one build; `links()` decorates pages, `write()` makes the PDFs."""

    settings: PdfSettings
    renderer: render.Renderer
    book: Handbook | None = None
    preface: frontmatter_pages.Preface | None = None  # handbook/preface.md
    reports: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri → (title, content)
    laws: dict[str, str] = field(default_factory=dict)  # stem → content
    docs_dir: Path | None = None  # where reports' sources are, for their dates
    urls: dict[str, str] = field(default_factory=dict)  # src_uri → page URL (site-relative)
    timings: dict[str, float] = field(default_factory=dict)

    def is_law(self, src_uri: str) -> bool:
        return self.book is not None and any(law.src_uri == src_uri for law in self.book.laws)

    def capture(self, content: str, src_uri: str, meta: Mapping[str, Any], title: str, url: str = "") -> bool:
        """Keep a report's or law's rendered body (and its page `url`, for the QR code) for
        print; True if the page gets a PDF."""
        self.urls[src_uri] = url
        if is_report(meta):
            self.reports[src_uri] = (str(meta.get("title") or title), content)
            return True
        if self.is_law(src_uri):
            self.laws[Path(src_uri).stem] = content
            return True
        return False

    def write(self, site_dir: Path) -> list[str]:
        """Render every PDF into the site; returns the site paths written."""
        try:
            return self._write_reports(site_dir) + self._write_handbook(site_dir)
        finally:
            self.renderer.close()

    def _write_reports(self, site_dir: Path) -> list[str]:
        written = []
        for src_uri, (title, content) in sorted(self.reports.items()):
            date = render.sources_date([self.docs_dir / src_uri] if self.docs_dir else [])
            info = html.DocInfo(title, self.settings.bureau, date)
            url = public_url(self.settings.site_url, self.urls.get(src_uri, ""))
            written.append(self._render(html.report_html(content, info, url), site_dir, pdf_path(src_uri)))
        return written

    def _write_handbook(self, site_dir: Path) -> list[str]:
        """Each law alone, then (when every law was rendered this build) the book and its booklet."""
        if self.book is None or not self.laws:
            return []
        written = []
        sources = {law.stem: law.src for law in self.book.laws}
        date = render.sources_date(list(sources.values()))
        groups = self._groups()
        for _, laws in groups:
            for law in laws:
                info = html.DocInfo(law.title, self.settings.bureau, render.sources_date([sources[law.stem]]))
                written.append(self._render(html.law_html(law, info, self.settings.law_size), site_dir,
                                            pdf_path(law_uri(law.stem))))
        if not {law.stem for law in self.book.laws} <= set(self.laws):
            return written  # `mkdocs serve --dirty` rebuilt only some laws: keep the last whole book
        written.append(self._render(self._book_html(groups), site_dir, HANDBOOK_PDF))
        start = time.perf_counter()
        signature = self.settings.booklet_signature
        self.renderer.derive(site_dir / HANDBOOK_PDF, site_dir / HANDBOOK_BOOKLET_PDF,
                             f"booklet-{signature}", lambda src, dst: booklet.impose(src, dst, signature))
        self.timings[HANDBOOK_BOOKLET_PDF] = time.perf_counter() - start
        written.append(HANDBOOK_BOOKLET_PDF)
        return written

    def _book_html(self, groups: list[tuple[str, list[html.LawPrint]]]) -> str:
        """The book's print HTML; its 版权页 states the 印张 of the book's own page count,
        so the book is laid out once with a provisional count to learn it."""
        settings, book = self.settings, self.book
        info = html.DocInfo(book.title, settings.bureau, render.source_date())
        qr_block = qr.block(public_url(settings.site_url, "handbook/"), qr.LAW_CAPTION)
        preface = frontmatter_pages.preface_section(self.preface) if self.preface else ""

        def make(pages: int) -> str:
            front = frontmatter_pages.imprint_page(book.title, settings.imprint, settings.handbook_size, pages,
                                                   qr_block) + preface
            return html.handbook_html(book.title, settings.bureau, frontmatter_pages.print_year(settings.imprint),
                                      groups, info, settings.handbook_size, front,
                                      self.preface.title if self.preface else "")

        return make(self.renderer.page_count(make(0)))

    def _groups(self) -> list[tuple[str, list[html.LawPrint]]]:
        """Book order from the handbook: categories, then 历史文本; only laws rendered this build."""
        groups = [(c.name, c.laws) for c in self.book.categories] + [(HISTORY, self.book.history)]
        out = []
        for name, entries in groups:
            laws = [html.LawPrint(e.stem, e.title, name, self.laws[e.stem],
                                  public_url(self.settings.site_url, self.urls.get(e.src_uri, "")))
                    for e in entries if e.stem in self.laws]
            if laws:
                out.append((name, laws))
        return out

    def _render(self, document: str, site_dir: Path, site_path: str) -> str:
        start = time.perf_counter()
        self.renderer.render(document, site_dir / site_path)
        self.timings[site_path] = time.perf_counter() - start
        return site_path


_generations = itertools.count(1)
_latest = 0
_render_lock = threading.Lock()


def render_lock() -> threading.Lock:
    """The lock background renders take one at a time (other PDF producers share it)."""
    return _render_lock


def write_in_background(pdf_build: PdfBuild, site_dir: Path, done) -> threading.Thread:
    """Under `mkdocs serve`: render after the page has reloaded, so saving a law stays fast.

    One render at a time; a build superseded by a newer one before its turn is skipped (the
    newer one renders the same files from fresher text). `done(written)` reports the result.
    """
    global _latest
    generation = _latest = next(_generations)

    def run() -> None:
        with _render_lock:
            if generation == _latest:
                done(pdf_build.write(site_dir))

    worker = threading.Thread(target=run, name="fazhi-pdf", daemon=True)
    worker.start()
    return worker


def links_html(page_url: str, pdf: str, extra: list[tuple[str, str]] = ()) -> str:
    """The 打印 / 下载PDF bar for a page (print.js makes 打印 open the print dialog;
    without JavaScript it opens the PDF, which prints as well)."""
    href = relative_url(pdf, page_url)
    items = [f'<a class="fz-print-button" href="{href}" data-fz-print>打印</a>',
             f'<a href="{href}" download>下载PDF</a>']
    items += [f'<a href="{relative_url(target, page_url)}" download>{label}</a>' for label, target in extra]
    return f'<p class="fz-pdf-links">{" · ".join(items)}</p>\n'


def cache_dir(config_file: str | os.PathLike) -> Path:
    """The project's PDF cache: <project>/.cache/pdf (gitignored), or $FAZHI_CACHE_DIR/pdf, which
    a server's publish builds share so each release re-renders only the PDFs that changed."""
    shared = os.environ.get("FAZHI_CACHE_DIR")
    return Path(shared) / "pdf" if shared else Path(config_file).resolve().parent / ".cache" / "pdf"
