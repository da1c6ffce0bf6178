"""Where each PDF lives in the built site, so pages and lists can link to it.

One convention for every producer and consumer: a page `reports/2024.md` has its PDF at
`pdf/reports/2024.pdf`; a law `handbook/xianfa.md` at `pdf/handbook/xianfa.pdf`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

PDF_DIR = "pdf"
HANDBOOK_PDF = f"{PDF_DIR}/handbook.pdf"
HANDBOOK_BOOKLET_PDF = f"{PDF_DIR}/handbook-booklet.pdf"


def pdf_path(src_uri: str) -> str:
    """Site-relative path of the PDF for the page whose source is `src_uri`."""
    return str(PurePosixPath(PDF_DIR) / PurePosixPath(src_uri).with_suffix(".pdf"))
