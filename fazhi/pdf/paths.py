"""Where each PDF lives in the built site, so pages and lists can link to it.

One convention for every producer and consumer: a page `reports/2024.md` has its PDF at
`pdf/reports/2024.pdf`; a law `handbook/xianfa.md` at `pdf/handbook/xianfa.pdf`.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

PDF_DIR = "pdf"
HANDBOOK_PDF = f"{PDF_DIR}/handbook.pdf"
HANDBOOK_BOOKLET_PDF = f"{PDF_DIR}/handbook-booklet.pdf"


def pdf_path(src_uri: str) -> str:
    """Site-relative path of the PDF for the page whose source is `src_uri`."""
    return str(PurePosixPath(PDF_DIR) / PurePosixPath(src_uri).with_suffix(".pdf"))


def enabled(environ: os._Environ | dict = os.environ) -> bool:
    """Whether this build writes PDFs (and so may link to them): FAZHI_PDF=0/off/false/no says no."""
    return str(environ.get("FAZHI_PDF", "1")).strip().lower() not in ("0", "off", "false", "no")
