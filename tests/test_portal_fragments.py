"""The county portal's header and footer fragments (fazhi/portal.py) without a build: cleaned as
author HTML is, each cut named by file:line:col, and the site's own links rewritten per page depth
(tests/test_portal.py builds the column and crawls it)."""

from __future__ import annotations

from pathlib import Path

from fazhi.portal import is_site_relative, load_fragment

HEADER = """<div class="gov-top">
  <a href="https://www.example.gov.cn/"><img src="/images/logo.png" alt="东辽县人民政府"></a>
  <ul><li><a href="/xxgk/">政府信息公开</a></li><li><a href="handbook/">普法手册</a></li></ul>
</div>
"""


def test_a_clean_fragment_is_kept_and_says_nothing(tmp_path):
    path = tmp_path / "header.html"
    path.write_text(HEADER, encoding="utf-8")
    fragment, problems = load_fragment(path, "portal/header.html")
    assert problems == []
    html = fragment.at(".")
    for kept in ('href="https://www.example.gov.cn/"', 'src="/images/logo.png"', 'href="/xxgk/"', ">政府信息公开<"):
        assert kept in html


def test_the_sites_own_links_follow_the_page_depth(tmp_path):
    path = tmp_path / "header.html"
    path.write_text(HEADER, encoding="utf-8")
    fragment, _ = load_fragment(path, "portal/header.html")
    assert 'href="handbook/"' in fragment.at(".")
    assert 'href="../../handbook/"' in fragment.at("../..")
    assert 'href="/zt/fzjs/handbook/"' in fragment.at("/zt/fzjs")  # the 404 page names its root absolutely
    # the portal's own addresses never move
    assert 'href="/xxgk/"' in fragment.at("../..") and 'src="/images/logo.png"' in fragment.at("../..")


def test_scripts_styles_and_outside_images_are_cut_with_file_line_and_column(tmp_path):
    path = tmp_path / "footer.html"
    path.write_text('<p>主办：东辽县人民政府办公室</p>\n'
                    '<script src="https://tongji.example.com/t.js"></script>\n'
                    '<p style="color:red">网站标识码：2204220001</p>\n'
                    '<img src="https://dcs.conac.cn/image/red.png" alt="党政机关">\n', encoding="utf-8")
    fragment, problems = load_fragment(path, "portal/footer.html")
    where = [(p.path, p.line, p.col, p.level) for p in problems]
    assert where == [("portal/footer.html", 2, 1, "error"), ("portal/footer.html", 3, 4, "error"),
                     ("portal/footer.html", 4, 6, "error")]
    assert "script" in problems[0].message and "style" in problems[1].message and "外部网站" in problems[2].message
    html = fragment.at(".")
    assert "<script" not in html and "style=" not in html and "conac" not in html
    assert "东辽县人民政府办公室" in html and "2204220001" in html


def test_a_missing_or_mis_encoded_fragment_is_named(tmp_path):
    _, problems = load_fragment(tmp_path / "nope.html", "portal/header.html")
    assert [(p.path, p.level) for p in problems] == [("portal/header.html", "error")]
    path = tmp_path / "gbk.html"
    path.write_bytes("<p>第一行</p>\n<p>东辽县</p>\n".encode("utf-8")[:18] + "<p>东辽县</p>\n".encode("gbk"))
    _, problems = load_fragment(path, "portal/footer.html")
    assert problems[0].line == 2 and "UTF-8" in problems[0].message


def test_what_counts_as_a_link_into_the_site():
    assert is_site_relative("handbook/") and is_site_relative("reports/2024/")
    for other in ("/xxgk/", "https://www.example.gov.cn/", "//cdn.example.com/", "#top", "?q=1", "mailto:a@b.cn", ""):
        assert not is_site_relative(other), other


def test_the_fragment_is_read_without_a_byte_order_mark(tmp_path: Path):
    path = tmp_path / "header.html"
    path.write_bytes("\ufeff<p>东辽县人民政府</p>".encode("utf-8"))
    fragment, problems = load_fragment(path, "portal/header.html")
    assert problems == [] and fragment.at(".") == "<p>东辽县人民政府</p>"
