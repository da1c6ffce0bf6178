"""问答 and 以案释法 (fazhi.wenda): citations as staff write them, linked to the handbook's articles
and back, checked by the strict build and `fazhi check` alike, and ranked first by search.

The questions are fixtures (tests/fixtures/wenda/), copied into a copy of the project: the real
site publishes no answer the bureau has not written.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project
from fazhi.law.citation import CitationError, Citations, find_citations
from fazhi.law.handbook import load_handbook
from fazhi.site.config import check_project
from fazhi.wenda import new as new_wenda
from fazhi.wenda.index_page import index_markdown
from fazhi.wenda.question import CASE, read_question

FIXTURES = Path(__file__).parent / "fixtures" / "wenda"
MFD = "handbook/minfadian-hunyin-jiating-bian/"
FJB = "handbook/fan-jiating-baoli-fa/"


@pytest.fixture(scope="module")
def citations() -> Citations:
    return Citations(load_handbook(ROOT / "handbook", "handbook"))


@pytest.mark.parametrize("written, stem, anchor, label", [
    ("《婚姻登记条例》第五条", "hunyin-dengji-tiaoli-2003-superseded", "t5", "《婚姻登记条例》第五条"),
    ("民法典第一千零七十七条", "minfadian-hunyin-jiating-bian", "t1077", "《中华人民共和国民法典》第一千零七十七条"),
    ("《中华人民共和国反家庭暴力法》第二十三条第一款", "fan-jiating-baoli-fa", "t23-k1",
     "《中华人民共和国反家庭暴力法》第二十三条第一款"),
    ("反家暴法第23条第1款", "fan-jiating-baoli-fa", "t23-k1", "《中华人民共和国反家庭暴力法》第二十三条第一款"),
    ("《社会救助暂行办法》第十一条第（一）项", "shehui-jiuzhu-zanxing-banfa", "t11-k1-x1",
     "《社会救助暂行办法》第十一条第（一）项"),
    ("老年法第十九条", "laonianren-quanyi-baozhang-fa", "t19", "《中华人民共和国老年人权益保障法》第十九条"),
    ("收养登记办法第六条", "shouyang-dengji-banfa", "t6", "《中国公民收养子女登记办法》第六条"),
    ("《慈善法》第一百二十四条", "cishan-fa", "t124", "《中华人民共和国慈善法》第一百二十四条"),  # the text in force
    ("《殡葬管理条例》", "binzang-guanli-tiaoli", None, "《殡葬管理条例》"),
])
def test_citations_as_staff_write_them_resolve_to_the_article(citations, written, stem, anchor, label):
    found = citations.find(written)
    assert [(c.start, c.end) for c in found] == [(0, len(written))]
    target = citations.resolve(found[0])
    assert (target.law.stem, target.anchor, target.label) == (stem, anchor, label)


def test_a_chain_cites_each_article_and_only_names_link():
    text = "见《中华人民共和国民法典》第一千零七十六条、第一千零七十七条。婚姻法第三条不是手册中的名称。"
    found = find_citations(text, ["民法典"])
    assert [text[c.start:c.end] for c in found] == ["《中华人民共和国民法典》第一千零七十六条", "第一千零七十七条"]
    assert [c.article.base for c in found] == [1076, 1077]


@pytest.mark.parametrize("written, message", [
    ("反家暴法第四十条", "《中华人民共和国反家庭暴力法》没有第四十条（共三十八条）"),
    ("反家暴法第二十三条第三款", "《中华人民共和国反家庭暴力法》第二十三条没有第三款"),
    ("民法典第一千二百六十条", "手册只收录了《中华人民共和国民法典》的第五编 婚姻家庭（第一千零四十条至第一千一百一十八条），没有第一千二百六十条"),
    ("《中华人民共和国刑法》第二百六十条", "《中华人民共和国刑法》不在普法手册中"),
])
def test_a_citation_the_handbook_cannot_hold_says_why(citations, written, message):
    with pytest.raises(CitationError, match=re.escape(message)):
        citations.resolve(citations.find(written)[0])


def test_a_question_keeps_the_file_line_of_each_basis():
    question = read_question((FIXTURES / "jia-ting-bao-li-bao-hu-ling.md").read_text(encoding="utf-8"),
                             "wenda/jia-ting-bao-li-bao-hu-ling.md")
    lines = (FIXTURES / "jia-ting-bao-li-bao-hu-ling.md").read_text(encoding="utf-8").split("\n")
    assert question.title == "遭受家庭暴力，怎样申请人身安全保护令？"
    for basis in question.basis:
        assert basis.text in lines[basis.line - 1]


def test_new_wenda_writes_the_template_and_check_lists_what_is_left(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    path = new_wenda.create(tmp_path / "docs" / "wenda", "民政局: 低保“怎么”申请？", case=True)
    assert path.name == "min-zheng-ju-di-bao-zen-me-shen-qing.md"
    question = read_question(path.read_text(encoding="utf-8"), "wenda/x.md")
    assert (question.title, question.genre) == ("民政局: 低保“怎么”申请？", CASE)  # a colon and quotes stay in it
    found = [str(d) for d in check_project(tmp_path, [path]).diagnostics]
    assert len(found) == 3 and all("【请填写】" in d for d in found), found  # 依据, 案情, 说法
    with pytest.raises(FileExistsError):
        new_wenda.create(tmp_path / "docs" / "wenda", "民政局: 低保“怎么”申请？")


def test_the_list_page_names_each_question_under_its_kind():
    questions = [read_question(p.read_text(encoding="utf-8"), f"wenda/{p.name}") for p in sorted(FIXTURES.glob("[a-z]*.md"))]
    text = index_markdown(questions, "某县民政局")
    assert text.index("## 问答") < text.index("[低保怎么申请？](di-bao-zen-me-shen-qing.md)") < text.index("## 以案释法")
    assert text.index("## 以案释法") < text.index("zi-nv-ju-fu-shan-yang-fei.md")


# -- the built site ------------------------------------------------------------------------


def wenda_project(dest: Path, *extra: tuple[str, str]) -> Path:
    project = copy_project(dest)
    folder = project / "docs" / "wenda"
    folder.mkdir()
    for path in FIXTURES.glob("[a-z]*.md"):
        shutil.copy(path, folder)
    for name, text in extra:
        (folder / name).write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def wenda_site(tmp_path_factory) -> Path:
    project = wenda_project(tmp_path_factory.mktemp("wenda-project"))
    out = tmp_path_factory.mktemp("wenda-site")
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, page: str, href: str) -> tuple[str, str]:
    """(page, anchor) a link of `page` leads to, after checking that the anchor is on it."""
    target = urlsplit(urljoin(f"http://x/{page}", href))
    path = target.path.lstrip("/")
    assert (site / path / "index.html").is_file(), href
    if target.fragment:
        assert soup(site, path).find(id=target.fragment) is not None, href
    return path, target.fragment


@pytest.mark.build
def test_a_question_page_links_every_citation_and_quotes_the_law(wenda_site):
    page = "wenda/jia-ting-bao-li-bao-hu-ling/"
    html = soup(wenda_site, page)
    assert html.find(class_="fz-wenda-genre").get_text() == "问答"
    basis = html.find("section", class_="fz-basis")
    cited = [resolves(wenda_site, page, a["href"]) for a in basis.select(".fz-basis-cite a")]
    assert cited == [(FJB, "t23-k1"), (FJB, "t24"), (FJB, "t28")]
    quotes = [q.get_text(" ", strip=True) for q in basis.select(".fz-basis-text")]
    law = soup(wenda_site, FJB)
    assert quotes[0] == law.find(id="t23-k1").get_text(" ", strip=True)  # the cited 款 as the law page shows it
    assert quotes[2] == law.find(id="t28").find("p").get_text(" ", strip=True)
    in_answer = [resolves(wenda_site, page, a["href"]) for a in html.select("article p a.fz-xref")]
    assert in_answer == [(FJB, "t24")]


@pytest.mark.build
def test_each_cited_article_lists_the_questions_and_cases_citing_it(wenda_site):
    law = soup(wenda_site, MFD)
    related = law.find(id="t1067").find(class_="fz-related")
    assert related.find(class_="fz-related-title").get_text() == "相关问答"
    links = related.find_all("a")
    assert [a.get_text() for a in links] == ["儿子不给赡养费，老人怎么办？"]
    assert "（以案释法）" in related.get_text()
    assert resolves(wenda_site, MFD, links[0]["href"]) == ("wenda/zi-nv-ju-fu-shan-yang-fei/", "")
    both = [a.get_text() for a in law.find(id="t1077").select(".fz-related a")]
    assert both == ["协议离婚有冷静期吗？要等多少天？"]  # cited by 依据 and in the answer: listed once
    assert law.find(id="t1078").find(class_="fz-related") is None
    index = soup(wenda_site, "wenda/")
    assert {a.get_text() for a in index.select("article li a")} >= {"低保怎么申请？", "儿子不给赡养费，老人怎么办？"}
    assert "《中华人民共和国反家庭暴力法》第二十八条" in index.get_text()  # written 反家暴法第28条


@pytest.mark.build
def test_a_dangling_citation_fails_the_strict_build_and_check_alike(tmp_path):
    bad = ("---\ntitle: 测试\n依据:\n  - 民法典第一千零七十七条\n  - 反家暴法第四十条\n---\n\n"
           "正文里也写了《中华人民共和国刑法》第二百六十条。\n")
    project = wenda_project(tmp_path / "project", ("bad.md", bad))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    expected = ["docs/wenda/bad.md:5:1: error: 《中华人民共和国反家庭暴力法》没有第四十条（共三十八条）",
                "docs/wenda/bad.md:8:1: error: 《中华人民共和国刑法》不在普法手册中"]
    for line in expected:
        assert line in result.stdout + result.stderr
    checked = subprocess.run([sys.executable, "-m", "fazhi", "check", "docs/wenda"], cwd=project,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 1
    built = (result.stdout + result.stderr).replace("ERROR   -  fazhi: ", "\n").splitlines()
    assert sorted(line for line in checked.stderr.splitlines() if "bad.md" in line) == sorted(
        line for line in built if line.startswith("docs/wenda/bad.md"))


@pytest.mark.build
def test_an_answer_resting_on_a_superseded_text_only_warns_and_fails_strict(tmp_path):
    text = "---\ntitle: 结婚登记要带什么？\n依据:\n  - 《婚姻登记条例》第五条\n---\n\n带户口簿、身份证。\n"
    project = wenda_project(tmp_path / "project", ("jiehun.md", text))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/wenda/jiehun.md:4:1: warning: 《婚姻登记条例》第五条：手册中的《婚姻登记条例》只有已被修订的历史文本" in result.stdout + result.stderr


def test_the_public_site_publishes_no_question_nobody_at_the_bureau_wrote():
    """docs/wenda/ is the bureau's: the test fixtures never go there."""
    published = {p.name for p in (ROOT / "docs" / "wenda").glob("*.md")} if (ROOT / "docs" / "wenda").is_dir() else set()
    assert not published & {p.name for p in FIXTURES.glob("*.md")}


# -- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wenda_url(wenda_site):
    import functools
    import http.server
    import threading

    from conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(wenda_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_on_a_question_a_case_and_a_cited_article(browser, wenda_url, scheme, width):
    from test_accessibility import axe_violations

    context = browser.new_context(locale="zh-CN", color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    for path in ("wenda/", "wenda/jia-ting-bao-li-bao-hu-ling/", "wenda/zi-nv-ju-fu-shan-yang-fei/", MFD):
        page.goto(wenda_url + path)
        page.wait_for_load_state("load")
        found[path] = axe_violations(page)
    context.close()
    assert not {p: v for p, v in found.items() if v}, found


# -- search --------------------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.browser
def test_search_ranks_the_bureaus_answer_above_the_raw_article(wenda_url, browser):
    from test_search_browser import open_search, settled_results, target, type_like_a_reader

    page = browser.new_page()
    for query, answer, article in [("离婚冷静期多少天", "wenda/li-hun-leng-jing-qi/", (MFD, "t1077")),
                                   ("老人不给赡养费怎么办", "wenda/zi-nv-ju-fu-shan-yang-fei/", None),
                                   ("低保怎么申请", "wenda/di-bao-zen-me-shen-qing/", None)]:
        open_search(page, wenda_url)
        type_like_a_reader(page, query)
        ranked = [target(link["href"], wenda_url) for item in settled_results(page) for link in item]
        assert ranked[0] == (answer, ""), (query, ranked[:3])
        if article:
            assert article in ranked, (query, ranked)
    page.close()
