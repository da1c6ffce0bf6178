"""The law extension in a plain Python-Markdown pipeline, as MkDocs runs it for handbook pages."""

import markdown
import yaml
from bs4 import BeautifulSoup

from conftest import LAWS, cjk
from fazhi.law.extension import LawExtension, LawTarget
from fazhi.page_source import LAW_SCHEME, PageSource
from fazhi.text.frontmatter import body_start
from fazhi.report.extension import NumberingExtension

SMALL = """# 某某条例

2020年1月1日 通过，依照第九条修正

<!-- INFO END -->

## 第一章 总则

第一条 为了……，依照本条例第三条、第九条和《中华人民共和国妇女权益保障法》第十条，制定本条例。

第二条 有下列情形之一的：

(一)甲(以下简称甲)；

(二)乙。

违反前款第(二)项的，适用前条。

## 第二章 第三条的细则

### 第一节 一般规定

第三条 参照《殡葬管理条例》和《中华人民共和国婚姻法》第十一条，以及婚姻法第十二条。
"""


def render(text, meta=None, laws=None, path="handbook/x.md", offset=0):
    ext = LawExtension()
    ext.begin_document(PageSource(path, meta=meta or {}, line_offset=offset, scheme=LAW_SCHEME, law_targets=laws or {}))
    md = markdown.Markdown(extensions=["attr_list", NumberingExtension(scheme="law"), ext, "toc"])
    html = md.convert(text)
    return BeautifulSoup(html, "html.parser"), ext.diagnostics.drain(), md.toc_tokens


def test_articles_are_addressable_blocks():
    soup, found, _ = render(SMALL)
    assert [f.message for f in found] == ["引用的第九条在本法规中不存在，未生成链接"]  # on purpose, see below
    assert [d["id"] for d in soup.select("div.fz-article")] == ["t1", "t2", "t3"]
    first = soup.select_one("#t1 p")
    assert first.contents[0].name == "strong" and first.contents[0]["class"] == ["fz-article-num"]
    assert first.contents[0].get_text() == "第一条"
    assert first.get_text().startswith("第一条 为了")  # the separating space stays
    assert [p.get("id") for p in soup.select("#t2 p")] == ["t2-k1", "t2-k1-x1", "t2-k1-x2", "t2-k2"]


def test_item_markers_full_width_running_text_untouched():
    soup, _, _ = render(SMALL)
    items = soup.select("#t2 p.fz-item")
    assert [p.get_text() for p in items] == ["（一）甲(以下简称甲)；", "（二）乙。"]


def test_headings_keep_their_number_and_get_stable_ids_in_the_toc():
    soup, _, toc = render(SMALL)
    assert soup.select_one("h2#zhang-1").get_text() == "第一章 总则"
    assert soup.select_one("h2#zhang-2").get_text() == "第二章 第三条的细则"
    assert soup.select_one("h3#zhang-2-jie-1").get_text() == "第一节 一般规定"
    # The TOC nests as the law does: title → 章 → 节, and 条 never flood it.
    assert [(t["level"], t["name"]) for t in toc] == [(1, "某某条例")]
    chapters = toc[0]["children"]
    assert [(t["level"], t["id"], t["name"]) for t in chapters] == [
        (2, "zhang-1", "第一章 总则"), (2, "zhang-2", "第二章 第三条的细则")]
    assert chapters[0]["children"] == []
    assert [(t["level"], t["id"], t["name"]) for t in chapters[1]["children"]] == [(3, "zhang-2-jie-1", "第一节 一般规定")]


def test_notes_under_the_title_not_articles():
    soup, _, _ = render(SMALL)
    h1 = soup.select_one("h1")
    notes = h1.find_next_sibling()
    assert notes["class"] == ["fz-notes"] and notes.get_text() == "2020年1月1日 通过，依照第九条修正"
    assert "INFO END" not in str(soup)


def test_citations_link_to_anchors_on_the_page():
    soup, _, _ = render(SMALL, laws={"妇女权益保障法": LawTarget("funv.md", frozenset({"t10"}))})
    links = [(a.get_text(), a["href"]) for a in soup.select("a.fz-xref")]
    assert ("第三条", "#t3") in links and ("第九条", "#t9") not in links
    assert ("《中华人民共和国妇女权益保障法》", "funv.md") in links
    assert ("第十条", "funv.md#t10") in links
    assert ("前款第(二)项", "#t2-k1-x2") in links and ("前条", "#t1") in links


def test_never_linked_in_notes_headings_or_own_number():
    soup, _, _ = render(SMALL)
    assert not soup.select(".fz-notes a, h1 a, h2 a, h3 a, strong.fz-article-num a")
    assert soup.select_one("#t3 strong").get_text() == "第三条"


def test_other_laws_articles_are_not_linked_to_this_page():
    soup, found, _ = render(SMALL)
    t3 = soup.select_one("#t3")
    assert [a.get_text() for a in t3.select("a")] == []  # 殡葬管理条例 not in the handbook map here
    # 婚姻法第十一条 / 第十二条 are not this law's missing articles: only 第九条 (in 第一条) warns.
    assert [f.line for f in found] == [9]


def test_missing_article_warns_with_file_and_line_and_stays_text():
    soup, found, _ = render(SMALL, offset=20)
    assert [a.get_text() for a in soup.select("#t1 a")] == ["第三条"]
    [warning] = found
    assert warning.path == "handbook/x.md" and warning.line == 20 + 9
    assert warning.message == "引用的第九条在本法规中不存在，未生成链接"


def test_metadata_and_banner_for_a_superseded_text():
    path = LAWS / "hunyin-dengji-tiaoli-2003-superseded.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = body_start(lines)
    meta = yaml.safe_load("\n".join(lines[1:start - 1]))
    soup, found, _ = render("\n".join(lines[start:]), meta=meta, offset=start)
    assert found == []
    after_title = soup.select_one("h1").find_next_sibling()
    assert "fz-law-banner" in after_title["class"]
    assert "历史文本" in after_title.get_text() and "2025年5月10日起施行" in after_title.get_text()
    meta_text = soup.select_one("dl.fz-law-meta").get_text()
    for shown in ("行政法规", "国务院", "2003年8月8日", "2003年10月1日", "LawRefBook/Laws"):
        assert shown in meta_text
    assert soup.select_one("dl.fz-law-meta a")["href"] == meta["source"]["url"]
    # Every character of the title, 题注 and body is on the page, in order, and nothing else
    # but the banner and the metadata block was added.
    for added in soup.select(".fz-law-banner, dl.fz-law-meta"):
        added.decompose()
    source = "\n".join(lines[start:])
    assert cjk(soup.get_text()) == cjk(source)
    assert "(一)" in source and "(一)" not in soup.get_text() and "（一）" in soup.get_text()


def test_current_text_has_no_banner():
    soup, _, _ = render(SMALL, meta={"status": "current", "level": "法律"})
    assert not soup.select(".fz-law-banner")


def test_inactive_pages_untouched():
    ext = LawExtension()
    ext.begin_document(PageSource(scheme="gongwen"))
    html = markdown.markdown(SMALL, extensions=[ext])
    assert "fz-article" not in html and "<!-- INFO END -->" in html


def test_inserted_article_and_mu_render_with_their_ids():
    text = ("# 某法\n\n第一百二十条 甲：\n\n（一）乙；\n\n（二）丙：\n\n1.丁；\n\n2.戊。\n\n"
            "第一百二十条之一 适用本法第一百二十条之一第二款和第一百二十条第（二）项。\n\n第二款。\n\n第一百二十一条 己。\n")
    soup, found, _ = render(text)
    assert found == []
    assert [d["id"] for d in soup.select("div.fz-article")] == ["t120", "t120-1", "t121"]
    assert soup.select_one("#t120-1 strong").get_text() == "第一百二十条之一"
    assert [(p["id"], p.get_text()) for p in soup.select("p.fz-subitem")] == [("t120-k1-x2-m1", "1.丁；"), ("t120-k1-x2-m2", "2.戊。")]
    links = [(a.get_text(), a["href"]) for a in soup.select("#t120-1 a")]
    assert links == [("第一百二十条之一第二款", "#t120-1-k2"), ("第一百二十条第（二）项", "#t120-k1-x2")]


def test_this_article_and_continued_items_link_precisely():
    text = ("第一条 甲：\n\n（一）乙；\n\n（二）丙；\n\n（三）丁。\n\n违反前款第（一）项、第（三）项的，依照本条第三款处理。\n\n第三款。\n\n"
            "第二条 适用本法第一条第一款第（二）项至第（三）项和前条第二款。\n")
    soup, found, _ = render(text)
    assert found == []
    links = [(a.get_text(), a["href"]) for a in soup.select("a.fz-xref")]
    assert links == [("前款第（一）项", "#t1-k1-x1"), ("第（三）项", "#t1-k1-x3"), ("本条第三款", "#t1-k3"),
                     ("第一条第一款第（二）项", "#t1-k1-x2"), ("第（三）项", "#t1-k1-x3"), ("前条第二款", "#t1-k2")]
