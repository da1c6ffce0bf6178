"""Legal structure read from the real law texts in ../shared/laws."""

import re

import pytest

from conftest import LAWS
from fazhi.law.structure import ArticleNumber, parse_law

LAW_FILES = sorted(p for p in LAWS.glob("*.md") if p.name != "README.md")


def law(name):
    return parse_law((LAWS / name).read_text(encoding="utf-8"))


def front_matter_count(path):
    return int(re.search(r"^article_count: (\d+)$", path.read_text(encoding="utf-8"), re.M)[1])


def first_number(path):
    """1, or the number of an excerpt's first_article as the shared README states it (1040)."""
    return 1040 if "first_article: 第一千零四十条" in path.read_text(encoding="utf-8") else 1


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_articles_run_one_to_n_with_the_official_spelling(path):
    articles = parse_law(path.read_text(encoding="utf-8")).articles
    assert len(articles) == front_matter_count(path)
    first = first_number(path)
    assert [a.number for a in articles] == [ArticleNumber(n) for n in range(first, first + len(articles))]
    # The number as printed in the source is the official spelling of its position.
    assert [a.written for a in articles] == [a.number.label for a in articles]


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_every_article_line_is_where_the_source_has_it(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for article in parse_law("\n".join(lines)).articles:
        assert lines[article.line - 1].startswith(article.written + " ")


def test_cishan_fa_hundreds_spelled_as_in_the_text():
    articles = law("cishan-fa.md").articles
    assert len(articles) == 125
    by_number = {a.number.base: a.written for a in articles}
    assert by_number[101] == "第一百零一条"
    assert by_number[110] == "第一百一十条"
    assert by_number[111] == "第一百一十一条"
    assert by_number[125] == "第一百二十五条"
    assert articles[109].number.anchor == "t110"


def test_xianfa_preamble_chapters_and_sections():
    text = law("xianfa.md")
    assert len(text.articles) == 143
    headings = [(h.anchor, h.text) for h in text.headings]
    assert headings[0] == ("xu-yan", "序言")
    assert ("zhang-3", "第三章 国家机构") in headings
    sections = [h for h in text.headings if h.kind == "节"]
    assert [h.anchor for h in sections] == [f"zhang-3-jie-{n}" for n in range(1, 9)]
    assert sections[0].text == "第一节 全国人民代表大会"
    assert sections[-1].text == "第八节 人民法院和人民检察院"
    # The 序言 is prose before 第一条, not articles; the FORCE BREAK markers are not text.
    preamble = [b for b in text.body[: text.body.index(text.articles[0])] if getattr(b, "role", "") == "loose"]
    assert preamble[0].text.startswith("中国是世界上历史最悠久的国家之一")
    assert not any("FORCE BREAK" in p.text for p in preamble)
    assert all(h.level == 3 for h in sections)


def test_notes_are_the_lines_before_info_end():
    text = law("funv-quanyi-baozhang-fa.md")
    assert [n.text[:10] for n in text.notes] == ["1992年4月3日 ", "2005年8月28日", "2018年10月26", "2022年10月30"]
    assert text.notes[-1].text.endswith("修订）")  # the stray ） stays
    assert text.title == "中华人民共和国妇女权益保障法"


def test_items_in_full_width_parentheses():
    article = law("cishan-fa.md").article(ArticleNumber(3))
    items = [p for p in article.paragraphs if p.role == "item"]
    assert items[0].text.startswith("（一）扶贫、济困")
    assert [p.anchor for p in items[:2]] == ["t3-k1-x1", "t3-k1-x2"]
    assert article.item_anchor(6) == "t3-k1-x6"


def test_items_in_ascii_parentheses_and_clauses_between_them():
    # 婚姻登记条例 第五条: four 款, each followed by its own (一)(二).
    article = law("hunyin-dengji-tiaoli-2003-superseded.md").article(ArticleNumber(5))
    roles = [(p.role, p.anchor, p.marker) for p in article.paragraphs]
    assert roles[:3] == [("clause", "t5-k1", ""), ("item", "t5-k1-x1", "(一)"), ("item", "t5-k1-x2", "(二)")]
    assert roles[3][:2] == ("clause", "t5-k2")
    assert article.clause_anchor(4) == "t5-k4" and article.clause_anchor(5) is None
    assert article.item_anchor(2, clause=3) == "t5-k3-x2"


def test_inserted_article_zhi_yi():
    text = parse_law("# 某法\n\n第一百二十条 甲。\n\n第一百二十条之一 乙。\n\n乙二。\n\n第一百二十一条 丙。\n")
    assert [(a.number.anchor, a.written, a.line) for a in text.articles] == [
        ("t120", "第一百二十条", 3), ("t120-1", "第一百二十条之一", 5), ("t121", "第一百二十一条", 9)]
    assert ArticleNumber(120, 1).label == "第一百二十条之一"
    assert text.articles[1].clause_anchor(2) == "t120-1-k2"


def test_ideographic_space_after_the_number_is_kept():
    article = parse_law("第十条\u3000正文。").articles[0]
    assert (article.number, article.separator) == (ArticleNumber(10), "\u3000")


def test_a_citation_at_the_start_of_a_paragraph_is_not_an_article():
    text = parse_law("第一条 甲。\n\n第三条第一项规定的情形除外。")
    assert len(text.articles) == 1 and len(text.articles[0].paragraphs) == 2


def test_mu_under_an_item():
    # 增值税法 (2024) 第十条第（二）项 has 目 "1.农产品…" (law-structure.md); none of ../laws does.
    text = parse_law("第十条 下列项目免征：\n\n（一）甲；\n\n（二）乙：\n\n1.农产品；\n\n2.食用盐。\n\n第二款。")
    roles = [(p.role, p.anchor, p.marker) for p in text.articles[0].paragraphs]
    assert roles == [("clause", "t10-k1", ""), ("item", "t10-k1-x1", "（一）"), ("item", "t10-k1-x2", "（二）"),
                     ("subitem", "t10-k1-x2-m1", "1."), ("subitem", "t10-k1-x2-m2", "2."), ("clause", "t10-k2", "")]
