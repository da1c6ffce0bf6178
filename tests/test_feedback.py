"""The 纠错 message, the 党政机关网站标识 and 我为政府网站找错 settings (fazhi/feedback.py), without a build
(tests/test_portal.py builds and looks at them)."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from fazhi.feedback import Feedback, SiteMark, email_problem, image_problem, missing_image, web_address_problem

PAGE = "https://www.example.gov.cn/zt/fzjs/handbook/binzang-guanli-tiaoli/"


def read_mailto(address: str) -> tuple[str, dict[str, str]]:
    """(recipient, {subject, body}) as a mail program reads a mailto: address (RFC 6068)."""
    parts = urlsplit(address)
    assert parts.scheme == "mailto"
    fields = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), fields


def test_the_message_names_the_page_by_title_and_address():
    to, fields = read_mailto(Feedback(email="fzk@mzj.example.gov.cn").correction_mailto("殡葬管理条例", PAGE))
    assert to == "fzk@mzj.example.gov.cn"
    assert fields["subject"] == "纠错：殡葬管理条例"
    assert fields["body"].splitlines()[:2] == ["页面：殡葬管理条例", f"地址：{PAGE}"]


def test_a_title_with_the_characters_of_an_address_stays_whole():
    title = "关于“婚姻登记”&收养的问答？第1=2条#注"
    _, fields = read_mailto(Feedback(email="a@b.cn").correction_mailto(title, PAGE + "?h=婚姻#t5"))
    assert fields["subject"] == f"纠错：{title}"
    assert f"地址：{PAGE}?h=婚姻#t5" in fields["body"]


def test_no_mailbox_no_link():
    assert Feedback().correction_mailto("殡葬管理条例", PAGE) == ""


@pytest.mark.parametrize("value, problem", [
    ("https://dcs.conac.cn/image/red.png", "不能引用其他网站"),
    ("//dcs.conac.cn/image/red.png", "不能引用其他网站"),
    ("/assets/dzjg.png", "不能引用其他网站"),
    ("../dzjg.png", "docs/ 之内"),
    ("assets/dzjg.html", "图片文件"),
])
def test_the_site_mark_image_must_be_a_file_of_the_site(value, problem):
    assert problem in image_problem(value)


def test_a_site_mark_image_in_docs_is_accepted(tmp_path):
    (tmp_path / "assets").mkdir()
    mark = SiteMark("assets/dzjg.png", "https://bszs.conac.cn/sitename?method=show&id=1")
    assert image_problem(mark.image) is None
    assert "docs/assets/dzjg.png" in missing_image(tmp_path / "docs", mark)
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "dzjg.png").write_bytes(b"\x89PNG")
    assert missing_image(docs, mark) is None


@pytest.mark.parametrize("value, ok", [
    ("https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=2204220001", True),
    ("http://bszs.conac.cn/sitename?method=show&id=1", True),
    ("zfwzzc.www.gov.cn", False), ("javascript:alert(1)", False), ("https://", False), ("https://a b.cn/", False),
])
def test_links_to_the_national_platforms_are_web_addresses(value, ok):
    assert (web_address_problem(value) is None) is ok


@pytest.mark.parametrize("value, ok", [
    ("fzk@mzj.example.gov.cn", True), ("mzj@163.com", True),
    ("fzk", False), ("fzk@localhost", False), ("a@b.cn?subject=x", False), ("a b@c.cn", False),
])
def test_the_mailbox_is_an_address(value, ok):
    assert (email_problem(value) is None) is ok
