"""Booklet imposition: A5 pages two-up on A4 landscape sheets, in saddle-stitch order.

A print shop prints the sheets duplex (flip on the short edge), folds each signature in the
middle, nests the signatures in order and stitches or glues them. Within a signature of n
pages (n a multiple of 4) sheet i (from 0) carries

    front: page n-2i (left)   page 2i+1 (right)
    back:  page 2i+2 (left)   page n-2i-1 (right)

(1-based pages of the signature). The book is padded with blank pages to a multiple of 4;
thick books are cut into signatures of `signature` pages so the folds stay flat.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

A4_LANDSCAPE = (841.89, 595.28)  # points
DEFAULT_SIGNATURE = 16


def padded_count(pages: int) -> int:
    """`pages` rounded up to a multiple of 4 (every sheet has four page faces)."""
    return -(-pages // 4) * 4


def signatures(pages: int, size: int = DEFAULT_SIGNATURE) -> list[range]:
    """Page index ranges (0-based, over the padded book) of each signature; the last may be shorter."""
    if size <= 0 or size % 4:
        raise ValueError(f"书帖页数必须是4的倍数，而不是 {size}")
    total = padded_count(pages)
    return [range(start, min(start + size, total)) for start in range(0, total, size)]


def sheet_order(pages: int, size: int = DEFAULT_SIGNATURE) -> list[tuple[int | None, int | None]]:
    """(left, right) 0-based source page per imposed face, front then back of each sheet;
    None is a blank padding page."""
    faces: list[tuple[int | None, int | None]] = []
    for sig in signatures(pages, size):
        n = len(sig)
        p = [i if i < pages else None for i in sig]
        for i in range(n // 4):
            faces.append((p[n - 1 - 2 * i], p[2 * i]))
            faces.append((p[2 * i + 1], p[n - 2 - 2 * i]))
    return faces


def impose(source: Path, target: Path, size: int = DEFAULT_SIGNATURE) -> int:
    """Write the booklet of `source` (A5 portrait pages) to `target`; returns the sheet count."""
    reader = PdfReader(source)
    writer = PdfWriter()
    sheet_w, sheet_h = A4_LANDSCAPE
    for left, right in sheet_order(len(reader.pages), size):
        face = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        for slot, index in enumerate((left, right)):
            if index is not None:
                _place(face, reader.pages[index], slot * sheet_w / 2, sheet_w / 2, sheet_h)
        writer.add_page(face)
    writer.add_metadata({"/Title": f"{reader.metadata.title or ''}（骑马钉拼版）" if reader.metadata else "骑马钉拼版",
                         "/Producer": "fazhi (pypdf)"})
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        writer.write(out)
    return len(writer.pages) // 2


def _place(face: PageObject, page: PageObject, x: float, width: float, height: float) -> None:
    """Put `page` into the half-sheet at `x`, scaled to fit and centred (A5 fits 1:1)."""
    box = page.mediabox
    pw, ph = float(box.width), float(box.height)
    scale = min(width / pw, height / ph, 1.0)
    dx = x + (width - pw * scale) / 2 - float(box.left) * scale
    dy = (height - ph * scale) / 2 - float(box.bottom) * scale
    face.merge_transformed_page(page, Transformation().scale(scale, scale).translate(dx, dy))
