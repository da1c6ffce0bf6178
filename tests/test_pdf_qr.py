"""QR codes on paper lead to the current text: decoded with zbar (zbarimg, Debian zbar-tools)
from the rendered page, as a phone camera would read it."""

from __future__ import annotations

import subprocess

import pytest

from fazhi.pdf import html as print_html
from fazhi.pdf.render import Renderer, source_date

SITE = "https://mzj.example.gov.cn/fazhi/"
LAW_BODY = ('<h1>殡葬管理条例</h1><div class="fz-notes"><p>（1997年7月21日国务院令第225号发布）</p></div>'
            '<div class="fz-article" id="t1"><p><strong class="fz-article-num">第一条</strong> 为了加强殡葬管理，'
            '推进殡葬改革，促进社会主义精神文明建设，制定本条例。</p></div>')
REPORT_BODY = ('<h1 class="fz-title">测试报告</h1><p class="fz-addressee">县政府：</p><div class="fz-body">'
               '<p>现将有关情况报告如下。</p></div><div class="fz-signature"><div class="fz-signature-box">'
               '<span class="fz-signer">东辽县民政局</span><span class="fz-date">2025年1月26日</span></div></div>')


def decoded(pdf, page: int = 1) -> list[str]:
    """What zbarimg reads on `page` of `pdf` rendered at 200 dpi."""
    png = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf), str(png)],
                   check=True)
    out = subprocess.run(["zbarimg", "--quiet", "--raw", f"{png}.png"], capture_output=True, text=True)
    return out.stdout.split()


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    return Renderer(tmp_path_factory.mktemp("qr") / "cache")


def test_law_first_page_links_to_its_page(renderer, tmp_path):
    url = SITE + "handbook/binzang-guanli-tiaoli/"
    law = print_html.LawPrint("binzang-guanli-tiaoli", "殡葬管理条例", "法规", LAW_BODY, url)
    info = print_html.DocInfo("殡葬管理条例", "东辽县民政局", source_date({}))
    pdf = renderer.render(print_html.law_html(law, info, "A5"), tmp_path / "law.pdf")
    assert decoded(pdf) == [url]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "扫码查看现行文本" in text


def test_report_links_to_its_page(renderer, tmp_path):
    url = SITE + "reports/2024/"
    info = print_html.DocInfo("测试报告", "东辽县民政局", source_date({}))
    pdf = renderer.render(print_html.report_html(REPORT_BODY, info, url), tmp_path / "report.pdf")
    assert decoded(pdf) == [url]


def test_no_code_without_site_url(built_site, tmp_path):
    """mkdocs.yml has no site_url: no code points anywhere."""
    report = tmp_path / "2024.pdf"
    report.write_bytes((built_site / "pdf" / "reports" / "2024.pdf").read_bytes())
    assert decoded(report) == []
