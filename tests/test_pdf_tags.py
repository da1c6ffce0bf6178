"""Tagged PDFs for screen readers (issue 12): the report, the handbook and a single law carry
a structure tree whose headings are tagged as headings and whose paragraphs follow the
reading order, /Lang zh-CN, and the document title shown in the viewer's title bar."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import ROOT

pytestmark = pytest.mark.build

REPORT = ROOT / "docs" / "reports" / "2024.md"
PDFS = ["reports/2024.pdf", "handbook.pdf", "handbook/binzang-guanli-tiaoli.pdf"]


def _elements(reader: PdfReader) -> list[tuple[str, int]]:
    """Structure elements (tag, page index) in the tree's order (depth first)."""
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    out: list[tuple[str, int]] = []

    def walk(node, page: int) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/Pg" in node:
            page = pages.get(node.raw_get("/Pg").idnum, page)
        if "/S" in node:
            out.append((str(node["/S"]), page))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid, page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"], 0)
    return out


@pytest.mark.parametrize("pdf", PDFS)
def test_structure_tree_language_and_title(built_site, pdf):
    reader = PdfReader(built_site / "pdf" / pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh-CN"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title and reader.metadata.title.strip()  # shown by DisplayDocTitle
    tags = [tag for tag, _ in _elements(reader)]
    assert tags.count("/H1") >= 1 and tags.count("/H2") >= 1 and tags.count("/P") >= 10, set(tags)
    pages = [page for tag, page in _elements(reader) if tag in ("/H1", "/H2", "/P")]
    assert pages == sorted(pages), "headings and paragraphs out of reading order"


def test_report_headings_are_tagged_in_order(built_site):
    """Each ## of the report is an H2 of the PDF, in the source's order, with its text."""
    reader = PdfReader(built_site / "pdf" / "reports" / "2024.pdf")
    assert reader.metadata.title == re.search(r"^title: (.+)$", REPORT.read_text("utf-8"), re.M).group(1)
    level1 = re.findall(r"^## (.+)$", REPORT.read_text("utf-8"), re.M)
    assert [tag for tag, _ in _elements(reader)].count("/H2") == len(level1)
