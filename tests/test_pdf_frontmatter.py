"""The handbook's front matter as a reader of the printed book finds it: title page, 版权页 on
its back (facts from the plugin's pdf.imprint, each line left out when not set; 印张 from the
page count), 编印说明 from handbook/preface.md in the 目录, blank versos blank."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from conftest import ROOT
from fazhi.addresses import public_url
from fazhi.pdf import frontmatter_pages as front
from fazhi.pdf import html as print_html
from fazhi.pdf import qr
from fazhi.pdf.render import Renderer, source_date
from test_pdf_qr import decoded

LAW = ('<h1>殡葬管理条例</h1><div class="fz-article" id="t1"><p><strong class="fz-article-num">第一条</strong> '
       '为了加强殡葬管理，推进殡葬改革，促进社会主义精神文明建设，制定本条例。</p></div>')
IMPRINT = {"编印单位": "东辽县民政局", "印数": "2000册", "印制日期": "2025年3月"}
SITE = "https://mzj.example.gov.cn/"


def _book(renderer: Renderer, tmp, imprint: dict, site_url: str = ""):
    preface = front.read_preface(ROOT / "handbook")
    groups = [("殡葬管理", [print_html.LawPrint("binzang", "殡葬管理条例", "殡葬管理", LAW)])]
    info = print_html.DocInfo("普法手册", "东辽县民政局", source_date({}))
    code = qr.block(public_url(site_url, "handbook/"), qr.LAW_CAPTION)

    def make(pages: int) -> str:
        body = front.imprint_page("普法手册", imprint, "A5", pages, code) + front.preface_section(preface)
        return print_html.handbook_html("普法手册", "东辽县民政局", front.print_year(imprint), groups, info, "A5",
                                        body, preface.title)

    pdf = renderer.render(make(renderer.page_count(make(0))), tmp / "book.pdf")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    return pdf, pages, preface


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    return Renderer(tmp_path_factory.mktemp("front") / "cache")


def test_imprint_preface_and_toc(renderer, tmp_path):
    pdf, pages, preface = _book(renderer, tmp_path, IMPRINT, SITE)
    count = len(PdfReader(pdf).pages)
    assert "2025年" in pages[0]  # the cover's year is the 印制日期's
    imprint = " ".join(pages[1].split())
    for fact in ("编印单位 东辽县民政局", "开 本 880 mm × 1230 mm 1/32", "印 数 2000册", "印制日期 2025年3月"):
        assert fact in imprint, (fact, imprint)
    quarters = -(-count * 4 // 32)  # 32 A5 pages make one 印张, stated to the quarter
    assert f"印 张 {quarters / 4:g}" in imprint, (count, imprint)
    assert decoded(pdf, 2) == [SITE + "handbook/"]
    assert preface.title == "编印说明" and "编印说明" in "".join(pages[2].split())
    assert pages[3].strip() == ""  # the verso after the 编印说明: blank, no running head or number
    toc = next(page for page in pages if "目" in page and "录" in page and "编印说明" in page)
    line = next(line for line in toc.splitlines() if "编印说明" in line)
    assert line.rstrip().endswith("3")  # the 编印说明 starts on page 3


def test_unset_facts_are_left_out(renderer, tmp_path):
    _, pages, _ = _book(renderer, tmp_path, {})
    imprint = pages[1]
    assert "开" in imprint and "印" in imprint and "张" in imprint
    for key in ("编印单位", "印制日期", "2000册"):
        assert key not in imprint
    assert "年" not in pages[0]  # no 印制日期: no year on the cover (never the build clock's)
    assert decoded(tmp_path / "book.pdf", 2) == []  # no site_url: no QR code
