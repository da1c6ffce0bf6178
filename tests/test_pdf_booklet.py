"""Booklet imposition on generated A5 books whose pages print their own number."""

from __future__ import annotations

import pdfplumber
import pytest
import weasyprint

from fazhi.pdf import booklet


def _book(tmp_path, pages: int):
    """An A5 PDF of `pages` pages, each showing its number (P1, P2, …)."""
    html = "".join(f'<p style="break-after: page">P{n}</p>' for n in range(1, pages + 1))
    css = weasyprint.CSS(string="@page { size: A5; margin: 20mm } p { font-size: 40pt }")
    path = tmp_path / f"book{pages}.pdf"
    weasyprint.HTML(string=html).write_pdf(path, stylesheets=[css])
    return path


def _faces(path):
    """Per imposed face: (text on the left half, text on the right half)."""
    faces = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            mid = page.width / 2
            left = page.crop((0, 0, mid, page.height)).extract_text().strip()
            right = page.crop((mid, 0, page.width, page.height)).extract_text().strip()
            faces.append((page.width, page.height, left, right))
    return faces


@pytest.mark.parametrize("pages", [1, 6, 8, 13, 40])
def test_booklet_order_and_padding(tmp_path, pages):
    source = _book(tmp_path, pages)
    target = tmp_path / "booklet.pdf"
    sheets = booklet.impose(source, target, size=16)
    faces = _faces(target)
    padded = -(-pages // 4) * 4
    assert len(faces) == padded // 2 == 2 * sheets  # two faces per sheet, 4 pages per sheet
    for width, height, _, _ in faces:  # A4 landscape
        assert abs(width - 841.89) < 3 and abs(height - 595.28) < 3
    printed = [text for _, _, left, right in faces for text in (left, right) if text]
    assert sorted(printed, key=lambda t: int(t[1:])) == [f"P{n}" for n in range(1, pages + 1)]  # each page once
    first_signature = min(padded, 16)
    # Sheet 1 front: the signature's last page on the left, page 1 on the right.
    left, right = faces[0][2], faces[0][3]
    assert right == "P1"
    assert left == (f"P{first_signature}" if first_signature <= pages else "")
    # Sheet 1 back: page 2 on the left (behind page 1 when flipped on the short edge).
    if pages >= 2:
        assert faces[1][2] == "P2"


def test_signatures_nest_in_order():
    """A 40-page book in 16-page signatures: 16 + 16 + 8, each folded on its own."""
    assert [len(s) for s in booklet.signatures(40, 16)] == [16, 16, 8]
    order = booklet.sheet_order(40, 16)
    # Second signature's first sheet front: its last page (32) and its first page (17).
    assert order[8] == (31, 16)
    with pytest.raises(ValueError):
        booklet.signatures(40, 10)


def test_handbook_booklet(built_site):
    """The bundled handbook's booklet: pages a multiple of 4, sheet 1 front = pages N and 1,
    N being the last page of the first signature (the fazhi plugin's pdf.booklet_signature)."""
    from pypdf import PdfReader

    from conftest import ROOT
    from fazhi.site.config import load_project

    signature = load_project(ROOT)[0].settings.pdf.booklet_signature
    book = PdfReader(built_site / "pdf" / "handbook.pdf")
    imposed = PdfReader(built_site / "pdf" / "handbook-booklet.pdf")
    n = len(book.pages)
    assert (len(imposed.pages) * 2) % 4 == 0 and n <= len(imposed.pages) * 2 < n + 4
    last = min(signature, len(imposed.pages) * 2)
    with pdfplumber.open(built_site / "pdf" / "handbook-booklet.pdf") as pdf:
        front = pdf.pages[0]
        mid = front.width / 2
        left = front.crop((0, 0, mid, front.height)).extract_text()
        right = front.crop((mid, 0, front.width, front.height)).extract_text()
    with pdfplumber.open(built_site / "pdf" / "handbook.pdf") as pdf:
        cover = pdf.pages[0].extract_text()
        expected_left = pdf.pages[last - 1].extract_text() if last <= n else ""
    assert right.split() == cover.split()  # the cover, page 1, on the right
    assert left.split() == expected_left.split()  # page N on the left
