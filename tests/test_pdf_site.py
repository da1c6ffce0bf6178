"""PDFs in the site: links on pages, the archive column, FAZHI_PDF=0, the render cache, and
browser printing (Ctrl+P) in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import ROOT, build_site, copy_project
from fazhi.law.handbook import load_handbook

pytestmark = pytest.mark.build


def _links(html: str) -> dict[str, str]:
    """Text → href of the 打印/下载 bar at the top of a page."""
    bar = re.search(r'<p class="fz-pdf-links">(.*?)</p>', html)
    assert bar, "page has no 打印/下载PDF links"
    return {text: href for href, text in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>([^<]+)</a>', bar[1])}


def _resolve(site: Path, page_dir: str, href: str) -> Path:
    return site / urljoin(page_dir, href).lstrip("/")


def test_report_and_law_pages_link_existing_pdfs(built_site):
    pages = ["reports/2024/"] + [law.page for law in load_handbook(ROOT / "handbook").laws]
    for page in pages:
        links = _links((built_site / page / "index.html").read_text("utf-8"))
        assert set(links) == {"打印", "下载PDF"}, page
        pdf = _resolve(built_site, "/" + page, links["下载PDF"])
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), (page, pdf)


def test_handbook_index_links_book_and_booklet(built_site):
    links = _links((built_site / "handbook" / "index.html").read_text("utf-8"))
    assert _resolve(built_site, "/handbook/", links["下载PDF"]) == built_site / "pdf" / "handbook.pdf"
    assert _resolve(built_site, "/handbook/", links["下载小册子拼版PDF"]) == built_site / "pdf" / "handbook-booklet.pdf"
    assert (built_site / "pdf" / "handbook-booklet.pdf").is_file()


def test_archive_table_links_the_pdf(built_site):
    html = (built_site / "reports" / "index.html").read_text("utf-8")
    href = re.search(r'<a href="([^"]+\.pdf)">下载</a>', html)[1]
    assert _resolve(built_site, "/reports/", href) == built_site / "pdf" / "reports" / "2024.pdf"


def test_pdf_off_and_cache(tmp_path):
    """FAZHI_PDF=0: no PDFs, no links to them. With PDFs on, a second build renders nothing
    again and gives byte-identical files (report only, to keep the test short)."""
    project = copy_project(tmp_path / "p", with_handbook=False)
    off = build_site(project, tmp_path / "off", pdf=False)
    assert off.returncode == 0, off.stderr
    assert not (tmp_path / "off" / "pdf").exists()
    assert "fz-pdf-links" not in (tmp_path / "off" / "reports" / "2024" / "index.html").read_text("utf-8")
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    first = build_site(project, tmp_path / "on1", pdf=True, env=env)
    assert first.returncode == 0, first.stderr
    second = build_site(project, tmp_path / "on2", pdf=True, env=env)
    assert second.returncode == 0, second.stderr
    assert re.search(r"新生成0个、沿用缓存1个", second.stderr), second.stderr
    one, two = (tmp_path / d / "pdf" / "reports" / "2024.pdf" for d in ("on1", "on2"))
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.browser
def test_browser_print_hides_chrome_and_keeps_numbers(site_url, page):
    page.goto(site_url + "reports/2024/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".fz-pdf-links"):
        element = page.query_selector(selector)
        assert element is None or not element.is_visible(), selector
    heading = page.inner_text("article h2")
    assert heading.startswith("一、")
    family = page.eval_on_selector("article p:not(.fz-addressee)", "e => getComputedStyle(e).fontFamily")
    assert "FangSong" in family or "Fandol" in family
