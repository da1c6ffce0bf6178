"""Law text as it really comes: invisible characters, codes with 编, odd structures.

Each case is a file of its own, made here. The parser and the law extension must read
through all of them: no article lost, no id given twice, article ids where they belong.
"""

import re
from collections import Counter

import pytest
import yaml

from fazhi.law.continuity import check_articles
from fazhi.law.structure import parse_law
from fazhi.law.extension import LawTarget
from test_law_extension import render

ZWSP, BOM, NBSP, EN, IDEO = "\u200b", "\ufeff", "\u00a0", "\u2002", "\u3000"

INVISIBLE = f"""---
title: 零宽字符测试条例
level: 行政法规
status: current
article_count: 5
---
# 零宽字符测试条例

2020年1月1日 公布

<!-- INFO END -->

## 第一章{EN}{EN}总则
{ZWSP}
第一条 第一条紧跟在只有零宽空格的一行之后。

{BOM}第二条 条号前有一个零宽不换行空格。

{IDEO}{IDEO}第三条 条号前有全角空格缩进。
{NBSP}{EN}{IDEO}
第四条{IDEO}有下列情形之一的：

{ZWSP}（一）第一项；

（二）第二项。

{ZWSP}{ZWSP}

第五条 最后一条。
"""

CODE = f"""---
title: 中华人民共和国测试法典
level: 法律
status: current
article_count: 9
---
# 中华人民共和国测试法典

# 总则

2020年5月28日 第十三届全国人民代表大会第三次会议通过

<!-- INFO END -->

## 第一章 基本规定

第一条 为了测试，制定本法。

## 第二章 自然人

第二条 自然人的民事权利能力一律平等。

# 中华人民共和国测试法典

# 物权编

2020年5月28日 第十三届全国人民代表大会第三次会议通过

<!-- INFO END -->

## 第一分编{IDEO}通则

## 第一章{IDEO}一般规定

第三条 本编调整物权关系。

## 第二章{IDEO}物权的设立

第四条 不动产物权的设立应当登记。

## 第二分编{IDEO}所有权

## 第三章{IDEO}一般规定

第五条 所有权人依法享有权利。

### 第一节 业主的建筑物区分所有权

第六条 业主对专有部分享有所有权。

## 第三编{IDEO}合{IDEO}{IDEO}同

## 第一章 一般规定

第七条 依照本法第一条和第三条的规定。

## 婚姻家庭编

## 第一章{EN}{EN}一般规定

第八条 婚姻家庭受国家保护。

### 第一节{EN}{EN}夫妻关系

第九条 夫妻在婚姻家庭中地位平等。
"""


def ids(soup):
    return [el["id"] for el in soup.select("[id]")]


def article_ids(soup):
    return [div["id"] for div in soup.select("div.fz-article")]


# --- invisible characters ---------------------------------------------------------------


def test_invisible_characters_never_change_the_structure():
    law = parse_law(INVISIBLE)
    assert [a.number.anchor for a in law.articles] == ["t1", "t2", "t3", "t4", "t5"]
    assert [a.written for a in law.articles] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert [(p.anchor, p.role) for p in law.articles[3].paragraphs] == [
        ("t4-k1", "clause"), ("t4-k1-x1", "item"), ("t4-k1-x2", "item")]
    assert not [b for b in law.body if b.__class__.__name__ == "Paragraph"]  # no stray paragraph
    chapter = law.headings[0]
    assert (chapter.kind, chapter.anchor, chapter.text[:chapter.number_length]) == ("章", "zhang-1", "第一章")
    assert check_articles(INVISIBLE, "x.md") == []


def test_invisible_characters_rendered_every_article_marked_nothing_lost():
    soup, found, _ = render(INVISIBLE.split("---\n", 2)[2])
    assert found == []
    assert article_ids(soup) == ["t1", "t2", "t3", "t4", "t5"]
    assert [s.get_text() for s in soup.select("strong.fz-article-num")] == [
        "第一条", "第二条", "第三条", "第四条", "第五条"]
    # Markdown drops a paragraph's indentation; a zero-width lead stays where it was.
    assert soup.select_one("#t3 p").get_text() == "第三条 条号前有全角空格缩进。"
    assert soup.select_one("#t2 p").get_text() == f"{BOM}第二条 条号前有一个零宽不换行空格。"
    assert soup.select_one("#t4-k1-x1").get_text() == f"{ZWSP}（一）第一项；"
    assert soup.select_one("h2#zhang-1 .fz-law-num").get_text() == "第一章"
    # No empty paragraph made of an invisible line.
    assert all(p.get_text().strip("\u200b\ufeff\u00a0\u2002\u3000 ") for p in soup.select("p"))


# --- codes with 编 -----------------------------------------------------------------------


def test_code_assembled_from_parts_is_one_law_with_qualified_ids():
    law = parse_law(CODE)
    assert law.title == "中华人民共和国测试法典"
    assert [n.text for n in law.notes] == ["2020年5月28日 第十三届全国人民代表大会第三次会议通过"]
    assert [(h.kind, h.number, h.anchor) for h in law.headings] == [
        ("编", 1, "bian-1"), ("章", 1, "bian-1-zhang-1"), ("章", 2, "bian-1-zhang-2"),
        ("编", 2, "bian-2"), ("分编", 1, "bian-2-fenbian-1"), ("章", 1, "bian-2-zhang-1"),
        ("章", 2, "bian-2-zhang-2"), ("分编", 2, "bian-2-fenbian-2"), ("章", 3, "bian-2-zhang-3"),
        ("节", 1, "bian-2-zhang-3-jie-1"),
        ("编", 3, "bian-3"), ("章", 1, "bian-3-zhang-1"),
        ("编", 4, "bian-4"), ("章", 1, "bian-4-zhang-1"), ("节", 1, "bian-4-zhang-1-jie-1"),
    ]
    assert [a.number.anchor for a in law.articles] == [f"t{n}" for n in range(1, 10)]
    assert check_articles(CODE, "x.md") == []


def test_code_rendered_with_one_title_one_note_and_bian_in_the_toc():
    soup, found, toc = render(CODE.split("---\n", 2)[2])
    assert found == []
    assert [h.get_text() for h in soup.select("h1")] == ["中华人民共和国测试法典"]
    assert [p.get_text() for p in soup.select(".fz-notes p")] == ["2020年5月28日 第十三届全国人民代表大会第三次会议通过"]
    levels = {h["id"]: h.name for h in soup.select("h2, h3, h4, h5")}
    assert (levels["bian-2"], levels["bian-2-fenbian-1"], levels["bian-2-zhang-1"], levels["bian-2-zhang-3-jie-1"]) == (
        "h2", "h3", "h4", "h5")
    # Where a 编 has no 分编, its chapters are h3 and their sections h4: inside the page TOC (h2–h4).
    assert (levels["bian-1-zhang-1"], levels["bian-4-zhang-1"], levels["bian-4-zhang-1-jie-1"]) == ("h3", "h3", "h4")
    assert soup.select_one("#bian-3").get_text() == f"第三编{IDEO}合{IDEO}{IDEO}同"
    assert soup.select_one("#bian-3 .fz-law-num").get_text() == "第三编"
    title = toc[0]
    assert [entry["id"] for entry in title["children"]] == ["bian-1", "bian-2", "bian-3", "bian-4"]
    wuquan = title["children"][1]
    assert [e["id"] for e in wuquan["children"]] == ["bian-2-fenbian-1", "bian-2-fenbian-2"]
    assert [e["id"] for e in wuquan["children"][1]["children"]] == ["bian-2-zhang-3"]
    assert [a["href"] for a in soup.select("#t7 a.fz-xref")] == ["#t1", "#t3"]
    assert len(ids(soup)) == len(set(ids(soup)))


# --- odd structures: ids unique, article ids unmoved ---------------------------------------

PLAIN = """# 某某条例

<!-- INFO END -->

## 第一章 总则

第一条 甲。

第二条 乙。

## 第二章 管理

第三条 丙。

第四条 丁。
"""

ODD = {
    # Two chapters numbered 第一章 and a heading repeated verbatim.
    "repeated chapter numbers": PLAIN.replace("## 第二章 管理", "## 第一章 总则"),
    "heading repeated verbatim": PLAIN.replace("第二条 乙。", "## 第一章 总则\n\n第二条 乙。"),
    "bian without numbers": PLAIN.replace("## 第一章 总则", "## 总则编\n\n## 第一章 总则").replace(
        "## 第二章 管理", "## 分则编\n\n## 第一章 管理"),
    "two preambles": PLAIN.replace("## 第一章 总则", "## 序言\n\n## 序言\n\n## 第一章 总则"),
}


@pytest.mark.parametrize("case", ODD, ids=list(ODD))
def test_odd_structures_give_unique_ids_and_articles_keep_theirs(case):
    soup, _, _ = render(ODD[case])
    assert [key for key, n in Counter(ids(soup)).items() if n > 1] == []
    assert article_ids(soup) == ["t1", "t2", "t3", "t4"]
    assert [p["id"] for p in soup.select("div.fz-article p")] == ["t1-k1", "t2-k1", "t3-k1", "t4-k1"]


def test_repeated_chapter_number_gets_a_repeat_id_not_a_unit_address():
    soup, _, _ = render(ODD["repeated chapter numbers"])
    assert [h["id"] for h in soup.select("h2")] == ["zhang-1", "zhang-1--2"]


def test_two_laws_in_one_file_every_id_unique_the_first_laws_ids_unmoved():
    second = PLAIN.replace("某某条例", "另一条例")
    soup, found, _ = render(PLAIN + "\n" + second)
    assert [key for key, n in Counter(ids(soup)).items() if n > 1] == []
    assert article_ids(soup)[:4] == ["t1", "t2", "t3", "t4"]
    assert article_ids(soup)[4:] == ["t1--2", "t2--2", "t3--2", "t4--2"]
    assert [h["id"] for h in soup.select("[id^=zhang], [id^=bian]")] == [
        "zhang-1", "zhang-2", "bian-1", "bian-1-zhang-1", "bian-1-zhang-2"]
    # The damage is still reported: the second law's articles repeat the first's.
    law_text = PLAIN + "\n" + second
    assert [d.message for d in check_articles(law_text, "x.md")][0] == "第一条重复（第7行已有第一条）"


def test_without_bian_chapter_ids_stay_as_they_were():
    soup, _, _ = render(PLAIN)
    assert [h["id"] for h in soup.select("h2")] == ["zhang-1", "zhang-2"]
    assert re.search(r"<h2", str(soup)) and not soup.select("h3, h4")


# --- excerpts ------------------------------------------------------------------------------

EXCERPT = """---
title: 中华人民共和国测试法典（婚姻家庭编）
excerpt: 第五编 婚姻家庭
level: 法律
status: current
article_count: 2
first_article: 第一千零四十条
last_article: 第一千零四十一条
---
# 中华人民共和国测试法典

# 婚姻家庭编

2020年5月28日 通过

<!-- INFO END -->

## 第一章\u2002\u2002一般规定

第一千零四十条 本编调整婚姻家庭关系。

第一千零四十一条 依照本法第一千零四十条和第一千二百六十条的规定；前条另有规定的除外。
"""


def excerpt_meta():
    return yaml.safe_load(EXCERPT.split("---\n")[1])


def test_excerpt_counts_from_its_first_article_and_keeps_the_codes_numbers():
    assert check_articles(EXCERPT, "x.md") == []
    law = parse_law(EXCERPT)
    assert [a.number.anchor for a in law.articles] == ["t1040", "t1041"]
    assert [(h.kind, h.anchor) for h in law.headings] == [("编", "bian-5"), ("章", "bian-5-zhang-1")]
    damaged = EXCERPT.replace("第一千零四十条 本编", "第一条 本编")
    assert [d.message for d in check_articles(damaged, "x.md")][0] == "首条应为第一千零四十条，实为第一条"


def test_excerpt_citation_outside_it_is_plain_text_without_a_warning():
    soup, found, _ = render(EXCERPT.split("---\n", 2)[2], meta=excerpt_meta())
    assert found == []
    assert [(a.get_text(), a["href"]) for a in soup.select("#t1041 a")] == [("第一千零四十条", "#t1040"), ("前条", "#t1040")]
    assert soup.select_one("h1").get_text() == "中华人民共和国测试法典（节选）"
    meta = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in soup.select("dl.fz-law-meta dt")}
    assert meta["节选"] == "第五编 婚姻家庭（第一千零四十条至第一千零四十一条）"


def test_excerpt_citation_outside_it_links_to_the_whole_code_when_the_handbook_has_it():
    laws = {"测试法典": LawTarget("ceshi-fadian.md", frozenset({"t1040", "t1041", "t1260"}))}
    soup, found, _ = render(EXCERPT.split("---\n", 2)[2], meta=excerpt_meta(), laws=laws)
    assert found == []
    links = [(a.get_text(), a["href"]) for a in soup.select("#t1041 a")]
    assert ("第一千二百六十条", "ceshi-fadian.md#t1260") in links and ("第一千零四十条", "#t1040") in links


def test_a_whole_law_still_warns_about_a_missing_article():
    whole = EXCERPT.replace("excerpt: 第五编 婚姻家庭\n", "").replace("first_article: 第一千零四十条\n", "")
    meta = {"title": "某法"}
    _, found, _ = render(whole.split("---\n", 2)[2], meta=meta)
    assert [d.message for d in found] == ["引用的第一千二百六十条在本法规中不存在，未生成链接"]


def test_notes_bracketed_in_the_source_get_no_second_brackets():
    text = "# 某法\n\n（2020年1月1日通过）\n\n<!-- INFO END -->\n\n第一条 甲。\n"
    soup, _, _ = render(text)
    assert soup.select_one(".fz-notes")["class"] == ["fz-notes", "fz-notes-bracketed"]
    assert soup.select_one(".fz-notes").get_text() == "（2020年1月1日通过）"
    plain, _, _ = render(text.replace("（2020年1月1日通过）", "2020年1月1日通过"))
    assert plain.select_one(".fz-notes")["class"] == ["fz-notes"]


def test_an_excerpt_standing_for_its_code_links_only_the_articles_it_holds():
    text = "# 某办法\n\n<!-- INFO END -->\n\n第一条 根据《中华人民共和国测试法典》第一千零四十条和第十条，制定本办法。\n"
    laws = {"测试法典": LawTarget("excerpt.md", frozenset({"t1040"}), excerpt=True)}
    soup, found, _ = render(text, laws=laws)
    assert found == []
    assert [(a.get_text(), a["href"]) for a in soup.select("a")] == [
        ("《中华人民共和国测试法典》", "excerpt.md"), ("第一千零四十条", "excerpt.md#t1040")]
    # On the excerpt's own page, where it stands for the code, outside articles stay plain.
    own, found, _ = render(EXCERPT.split("---\n", 2)[2], meta=excerpt_meta(), laws=laws)
    assert found == [] and "第一千二百六十条" not in [a.get_text() for a in own.select("a")]


def test_an_unreadable_first_article_is_named_with_its_line():
    broken = EXCERPT.replace("first_article: 第一千零四十条", "first_article: 1040")
    found = [(d.line, d.message) for d in check_articles(broken, "x.md")]
    assert (7, "前置信息 first_article “1040”不是条号（应写作“第一千零四十条”这样的形式）") in found


def test_identical_notes_lines_of_one_header_are_all_kept():
    text = "# 某法\n\n2001年通过\n\n2001年通过\n\n<!-- INFO END -->\n\n第一条 甲。\n"
    assert [n.text for n in parse_law(text).notes] == ["2001年通过", "2001年通过"]
