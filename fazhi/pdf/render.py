"""WeasyPrint rendering with a content-hash cache, so `mkdocs serve` re-renders only what changed.

The cache key covers everything that decides the bytes of a PDF: the print HTML, print.css,
the font files bound by @font-face, and the WeasyPrint version. A hit copies the cached
file; a miss renders, stores, then copies. PDF dates come from the HTML metadata
(SOURCE_DATE_EPOCH) and the PDF /ID from the key, so identical input gives identical bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import weasyprint
from weasyprint.text.fonts import FontConfiguration

from fazhi.pdf import compress, fonts, tagids, textlayer
from fazhi.repeatable import last_commit_epoch

STYLESHEET = Path(__file__).with_name("print.css")
#: Bump when the Python side of print layout changes in a way the HTML does not show.
RENDER_VERSION = "6"
#: Cached PDFs no build has used for this long are deleted (keeps .cache/pdf small under serve).
STALE_SECONDS = 24 * 3600


def source_date(environ: os._Environ | dict = os.environ) -> datetime:
    """The build's fixed date: SOURCE_DATE_EPOCH, else 2000-01-01 (never the clock)."""
    epoch = int(environ.get("SOURCE_DATE_EPOCH") or 946684800)
    return datetime.fromtimestamp(epoch, tz=timezone.utc)


def sources_date(sources: Sequence[Path]) -> datetime:
    """When these source files last changed in git, else `source_date()` (the last commit).

    A PDF's date is in its bytes and so in its cache key: dated by its own sources, a PDF is
    served from the cache until its text changes, also by the builds of later commits.
    """
    epoch = last_commit_epoch(Path(sources[0]).parent, sources) if sources else None
    return source_date({"SOURCE_DATE_EPOCH": epoch} if epoch else os.environ)


@dataclass
class Renderer:
    """Renders print HTML to PDF files through a cache folder (e.g. <project>/.cache/pdf)."""

    cache_dir: Path
    faces: tuple[fonts.Face, ...] = fonts.FACES  # fonts.configured_faces(the plugin's pdf.fonts)
    rendered: int = 0
    reused: int = 0
    _font_css: str | None = field(default=None, repr=False)
    _bound: list[fonts.Bound] | None = field(default=None, repr=False)
    _font_config: FontConfiguration | None = field(default=None, repr=False)

    def bound(self) -> list[fonts.Bound]:
        if self._bound is None:
            self._bound = fonts.bound_faces(self.cache_dir, faces=self.faces)
        return self._bound

    def font_css(self) -> str:
        if self._font_css is None:
            self._font_css = fonts.font_face_css(self.cache_dir, bound=self.bound())
        return self._font_css

    def key(self, html: str) -> str:
        digest = hashlib.sha256()
        # Without the checkout's path: the key is also the PDF /ID, the same wherever one commit is built.
        fonts_text = self.font_css().replace(self.cache_dir.as_uri(), "")
        for part in (RENDER_VERSION, weasyprint.__version__, fonts_text, STYLESHEET.read_text("utf-8"), html):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def render(self, html: str, target: Path) -> Path:
        """Write the PDF of `html` to `target`, from the cache when the input is unchanged."""
        key = self.key(html)
        cached = self.cache_dir / f"{key[:32]}.pdf"
        if cached.is_file():
            cached.touch()  # marks it as in use for prune()
            self.reused += 1
        else:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".tmp")
            partial.write_bytes(self.to_pdf(html, key))
            partial.replace(cached)
            self.rendered += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        return target

    def document(self, html: str) -> weasyprint.document.Document:
        """The laid-out WeasyPrint document (pages, boxes), for callers that inspect layout."""
        if self._font_config is None:
            self._font_config = FontConfiguration()
        css = [weasyprint.CSS(string=self.font_css(), font_config=self._font_config),
               weasyprint.CSS(filename=str(STYLESHEET), font_config=self._font_config)]
        return weasyprint.HTML(string=html, base_url=str(STYLESHEET.parent)).render(
            stylesheets=css, font_config=self._font_config)

    def page_count(self, html: str) -> int:
        """Pages of `html` laid out (as it prints: after compress.settle), remembered in the
        cache by the HTML's key, so an unchanged book is not laid out again for it."""
        remembered = self.cache_dir / f"{self.key(html)[:32]}.pages"
        if remembered.is_file():
            return int(remembered.read_text("ascii"))
        _, document = compress.settle(html, self.document)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        remembered.write_text(str(len(document.pages)), "ascii")
        return len(document.pages)

    def derive(self, source: Path, target: Path, variant: str, make) -> Path:
        """Write `make(source, target)`'s output via the cache, keyed by the source's bytes.

        For PDFs made from PDFs (the booklet): unchanged input, no new work.
        """
        digest = hashlib.sha256(source.read_bytes())
        digest.update(f"\0{RENDER_VERSION}\0{variant}".encode())
        cached = self.cache_dir / f"{digest.hexdigest()[:32]}.pdf"
        if cached.is_file():
            cached.touch()
            self.reused += 1
        else:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".tmp.pdf")
            make(source, partial)
            partial.replace(cached)
            self.rendered += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        return target

    def close(self) -> None:
        """Drop WeasyPrint's font configuration now (its finaliser fails at interpreter exit),
        and cached PDFs unused for STALE_SECONDS (an old one is never needed by a running build)."""
        self._font_config = None
        cutoff = time.time() - STALE_SECONDS
        for old in [*self.cache_dir.glob("*.pdf"), *self.cache_dir.glob("*.pages")]:
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)

    def to_pdf(self, html: str, key: str) -> bytes:
        """The PDF bytes: tagged (structure tree of headings and paragraphs in reading order,
        /Lang from <html lang>, the <title> in the title bar) for screen readers, with
        grid.py's break spaces out of the text layer (textlayer.py) and the faces under
        their own names (fonts.embedded_names)."""
        breaks = {(b.face.family, 700 if b.face.weight == "bold" else 400): (b.break_glyph, b.tight_glyph)
                  for b in self.bound()}

        def finish(document, pdf) -> None:
            textlayer.drop_break_glyphs(document, pdf, breaks)
            fonts.embedded_names(document, pdf, self.bound())
            tagids.stable_header_ids(pdf)

        _, document = compress.settle(html, self.document)  # 推入: marks halved where lines ask
        return document.write_pdf(
            pdf_identifier=key[:32].encode("ascii"), pdf_variant="pdf/ua-1", finisher=finish)
