"""The handbook as a reader gets it from a strict build: every law, every character, every anchor."""

import re

import pytest
from bs4 import BeautifulSoup

from conftest import LAWS, build_site, cjk, copy_project, reading_order
from fazhi.law.structure import ITEM, parse_law
from fazhi.text.numerals import from_chinese

LAW_FILES = sorted(p for p in LAWS.glob("*.md") if p.name != "README.md")
CATEGORIES = ["宪法", "婚姻家庭与收养", "社会救助", "养老服务", "儿童福利与未成年人保护", "残疾人权益", "殡葬管理",
              "社会组织", "慈善与志愿服务", "区划地名", "基层治理", "政务公开与依法行政"]


def soup_of(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def content_of(site, stem):
    return soup_of(site, f"handbook/{stem}/index.html").select_one("article.md-content__inner")


def front(path, key):
    match = re.search(rf"^{key}: (.*)$", path.read_text(encoding="utf-8"), re.M)
    return match[1].strip("'") if match else None


def first_number(path):
    """Where the file's articles start: 1, or an excerpt's first_article (第一千零四十条 → 1040)."""
    label = front(path, "first_article")
    return from_chinese(label[1:-1]) if label else 1


def source_paragraphs(path):
    """Each article's paragraphs as in the file, the 项 markers as the page shows them."""
    law = parse_law(path.read_text(encoding="utf-8"))
    shown = {}
    for article in law.articles:
        texts = []
        for p in article.paragraphs:
            marker = ITEM.match(p.text) if p.role == "item" else None
            texts.append(("（" + marker["num"] + "）" + p.text[marker.end():]) if marker else p.text)
        shown[article.number.anchor] = texts
    return shown


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_every_article_anchor_in_order_with_its_exact_text(built_site, path):
    article = content_of(built_site, path.stem)
    count, first = int(front(path, "article_count")), first_number(path)
    blocks = article.select("div.fz-article")
    assert [b["id"] for b in blocks] == [f"t{n}" for n in range(first, first + count)]
    expected = source_paragraphs(path)
    for block in blocks:
        assert [p.get_text() for p in block.find_all("p")] == expected[block["id"]], block["id"]


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_every_body_character_in_order(built_site, path):
    article = content_of(built_site, path.stem)
    for added in article.select(".fz-law-banner, .fz-law-meta"):
        added.decompose()
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    title = article.select_one("h1")
    if front(path, "excerpt"):
        # An excerpt's title is the code's, marked 节选; the part follows as its 编 heading.
        assert title.select_one(".fz-law-excerpt").get_text() == "（节选）"
        title.select_one(".fz-law-excerpt").decompose()
        assert f"{title.get_text()}（{title.find_next('h2').get_text()}）" == front(path, "title")
    else:
        assert title.get_text() == front(path, "title")
    assert cjk(reading_order(body)) in cjk(article.get_text())


def test_xianfa_sections_in_the_toc_articles_not(built_site):
    page = soup_of(built_site, "handbook/xianfa/index.html")
    toc = [a["href"] for a in page.select_one("nav.md-nav--secondary").select("a")]
    assert "#xu-yan" in toc and "#zhang-3" in toc
    assert [h for h in toc if h.startswith("#zhang-3-jie-")] == [f"#zhang-3-jie-{n}" for n in range(1, 9)]
    assert not [h for h in toc if re.match(r"#t\d", h)]
    assert page.select_one("h3#zhang-3-jie-7").get_text() == "第七节 监察委员会"


def test_cross_references_point_at_existing_anchors(built_site):
    page = content_of(built_site, "funv-quanyi-baozhang-fa")
    link = next(a for a in page.select("#t79 a.fz-xref"))
    assert (link.get_text(), link["href"]) == ("第二十二条第二款", "#t22-k2")
    assert page.select_one("#t22-k2") is not None
    for stem in [p.stem for p in LAW_FILES]:
        page = content_of(built_site, stem)
        for a in page.select("a.fz-xref"):
            if a["href"].startswith("#"):
                assert page.select_one(a["href"]) is not None, (stem, a)


def test_other_law_article_is_not_linked(built_site):
    # 婚姻登记条例 第九条 cites 婚姻法第十一条: not this page's 第十一条.
    t9 = content_of(built_site, "hunyin-dengji-tiaoli-2003-superseded").select_one("#t9")
    assert "婚姻法第十一条" in t9.get_text() and not t9.select("a")


@pytest.mark.parametrize("stem", ["hunyin-dengji-tiaoli-2003-superseded", "cunmin-weiyuanhui-zuzhi-fa-2018-superseded",
                                  "chengshi-jumin-weiyuanhui-zuzhi-fa-2018-superseded"])
def test_superseded_texts_carry_the_banner_first(built_site, stem):
    article = content_of(built_site, stem)
    banner = article.select_one("h1").find_next_sibling()
    assert "fz-law-banner" in banner["class"]
    assert front(LAWS / f"{stem}.md", "status_note") in banner.get_text()


def test_current_texts_have_no_banner(built_site):
    for path in LAW_FILES:
        if "superseded" not in path.stem:
            assert not content_of(built_site, path.stem).select(".fz-law-banner"), path.stem


def test_index_lists_categories_in_order_history_apart(built_site):
    page = soup_of(built_site, "handbook/index.html").select_one("article.md-content__inner")
    assert page.select_one("h1").get_text() == "东辽县民政系统普法宣传手册"
    assert [h.get_text() for h in page.select("h2")] == CATEGORIES + ["历史文本"]
    history = page.select("h2")[-1]
    current_rows, history_rows = [], []
    for item in page.select("li:not(li li)"):
        row = [item.select_one("a").get_text(), *(s.get_text() for s in item.select(".fz-law-facts > span"))]
        note = item.select_one(".fz-status-note")
        (history_rows if item.find_previous("h2") is history else current_rows).append(row + ([note.get_text()] if note else []))
    assert ["中华人民共和国慈善法", "法律", "2023年12月29日", "125条"] in current_rows
    assert ["中华人民共和国宪法", "宪法", "2018年3月11日", "143条"] in current_rows
    # 20 current texts, and 婚姻登记条例 2003 listed flagged in its category; 7 under 历史文本.
    assert len(current_rows) == 21 and len(history_rows) == 7
    assert all("历史" not in row[0] for row in current_rows)
    flagged = next(row for row in current_rows if row[0] == "婚姻登记条例")
    assert flagged[-1].startswith("历史文本：")
    hunyin = next(row for row in history_rows if row[0] == "婚姻登记条例")
    assert hunyin[1:4] == ["行政法规", "2003年8月8日", "22条"] and "2025年5月10日起施行" in hunyin[4]
    assert "非现行有效" in page.select_one(".fz-law-banner").get_text()
    # 基层治理 has only superseded texts: it says so and points to them.
    basic = next(h for h in page.select("h2") if h.get_text() == "基层治理").find_next_sibling("p")
    assert basic.get_text().startswith("本类现行文本尚未收入手册") and len(basic.select("a")) == 2


def test_navigation_tab_and_category_sections(built_site):
    page = soup_of(built_site, "handbook/cishan-fa/index.html")
    assert "普法手册" in [a.get_text(strip=True) for a in page.select(".md-tabs a")]
    labels = [el.get_text(" ", strip=True) for el in page.select("nav.md-nav--primary label.md-nav__link")]
    assert any(label.startswith("慈善与志愿服务") for label in labels)
    assert "婚姻登记条例（历史文本）" in page.select_one("nav.md-nav--primary").get_text()


def test_malformed_copy_fails_strict_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    binzang = project / "handbook" / "binzang-guanli-tiaoli.md"
    text = binzang.read_text(encoding="utf-8")
    text = re.sub(r"\n第十二条 [^\n]*\n", "\n", text, count=1)  # delete an article
    fifth = re.search(r"\n(第五条 [^\n]*)\n", text)[1]
    text = text.replace(fifth, fifth + "\n\n" + fifth)  # duplicate one
    text = text.replace("\n第二十条 ", "\n第二十条 违反本条例第九十九条规定的，", 1)  # cite a missing article
    binzang.write_text(text, encoding="utf-8")
    lines = text.split("\n")

    def line_of(start, nth=1):
        return [i for i, line in enumerate(lines, 1) if line.startswith(start)][nth - 1]

    result = build_site(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    path = "handbook/binzang-guanli-tiaoli.md"
    assert f"{path}:{line_of('第十三条 ')}:1: warning: 第十一条之后应为第十二条，实为第十三条（缺少第十二条）" in log
    assert f"{path}:{line_of('第五条 ', 2)}:1: warning: 第五条重复（第{line_of('第五条 ')}行已有第五条）" in log
    assert f"{path}:{line_of('第二十条 ')}:1: warning: 引用的第九十九条在本法规中不存在，未生成链接" in log


def test_adding_a_law_file_needs_no_code_change(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "handbook" / "extra").mkdir()
    (project / "handbook" / "extra" / "xin-fa.md").write_text(
        "---\ntitle: 中华人民共和国测试法\nlevel: 法律\n公布日期: '2024-01-01'\nstatus: current\narticle_count: 2\n---\n"
        "# 中华人民共和国测试法\n\n## 第一章 总则\n\n第一条 为了测试，制定本法。\n\n第二条 违反本法第一条和"
        "《中华人民共和国慈善法》第三条的，依照《反家庭暴力法》处理。\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "handbook/extra/xin-fa.md:1:1: info: handbook.yml 未列出本文件，已归入“其他”类" in result.stderr
    page = content_of(tmp_path / "site", "xin-fa")
    links = {a.get_text(): a["href"] for a in page.select("a.fz-xref")}
    assert links == {"第一条": "#t1", "《中华人民共和国慈善法》": "../cishan-fa/", "第三条": "../cishan-fa/#t3",
                     "《反家庭暴力法》": "../fan-jiating-baoli-fa/"}
    index = soup_of(tmp_path / "site", "handbook/index.html")
    other = next(h for h in index.select("h2") if h.get_text() == "其他")
    assert other.find_next("li").select_one("a").get_text() == "中华人民共和国测试法"


@pytest.mark.parametrize("current, old, new_date, old_date", [
    ("cishan-fa", "cishan-fa-2016-superseded", "2023年12月29日", "2016年3月16日"),
    ("weichengnianren-baohu-fa", "weichengnianren-baohu-fa-2020-superseded", "2024年4月26日", "2020年10月17日"),
])
def test_two_versions_link_each_other_with_dates(built_site, current, old, new_date, old_date):
    def row(stem, label):
        meta = content_of(built_site, stem).select_one("dl.fz-law-meta")
        cell = next(dt for dt in meta.select("dt") if dt.get_text() == label).find_next_sibling("dd")
        return [(a.get_text(), a["href"]) for a in cell.select("a")]

    assert row(current, "历史文本") == [(f"{old_date}公布的文本", f"../{old}/")]
    assert row(old, "现行文本") == [(f"{new_date}公布的文本", f"../{current}/")]
    index = soup_of(built_site, "handbook/index.html").select_one("article.md-content__inner")
    item = next(li for li in index.select("li") if li.select_one("a").get_text() == front(LAWS / f"{current}.md", "title"))
    assert [(a.get_text(), a["href"]) for a in item.select(":scope li a")] == [(f"{old_date}公布的文本", f"{old}/")]


def test_citing_the_code_links_to_its_excerpt(built_site):
    t1 = content_of(built_site, "shouyang-dengji-banfa").select_one("#t1")
    links = [(a.get_text(), a["href"]) for a in t1.select("a.fz-xref-law")]
    assert links == [("《中华人民共和国民法典》", "../minfadian-hunyin-jiating-bian/")]
