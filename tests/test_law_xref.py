"""Citations found in real sentences of the handbook's texts."""

import re

from conftest import LAWS
from fazhi.law.structure import ArticleNumber
from fazhi.law.xref import find_references, normalise_title


def sentence(name, start):
    """The paragraph of law file `name` that starts with `start` (proves the sentence is real),
    without its own article number, which is never a citation."""
    text = (LAWS / name).read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith(start))
    return paragraph.split(" ", 1)[1] if re.match(r"^第\S+条 ", paragraph) else paragraph


def cited(text):
    return [(text[r.start:r.end], r.kind, r.article, r.clause, r.item, r.law, r.foreign) for r in find_references(text)]


def test_this_law_with_clause():
    text = sentence("funv-quanyi-baozhang-fa.md", "第七十九条 ")
    assert ("第二十二条第二款", "article", ArticleNumber(22), 2, None, None, False) in cited(text)


def test_chain_of_articles_each_linked():
    text = sentence("cishan-fa.md", "第一百一十二条 ")
    found = cited(text)
    assert [f[0] for f in found[:3]] == ["第一百零九条", "第一百一十条", "第一百一十一条"]
    assert [f[2] for f in found[:3]] == [ArticleNumber(109), ArticleNumber(110), ArticleNumber(111)]


def test_item_without_parentheses_and_range():
    text = sentence("cishan-fa.md", "（二）捐赠财产用于本法第三条")
    assert cited(text) == [("第三条第一项", "article", ArticleNumber(3), None, 1, None, False),
                           ("第三项", "article", ArticleNumber(3), None, 3, None, False)]


def test_articles_joined_by_he():
    text = sentence("funv-quanyi-baozhang-fa.md", "第八十三条 ")
    assert [f[2] for f in cited(text)] == [ArticleNumber(43), ArticleNumber(48)]


def test_qian_kuan():
    text = sentence("hunyin-dengji-tiaoli-2003-superseded.md", "办理离婚登记的香港居民")
    assert "前款" not in text or any(f[1] == "previous-clause" for f in cited(text))
    text = sentence("cishan-fa.md", "未按照前款")
    assert cited(text)[0][:2] == ("前款", "previous-clause")


def test_article_of_another_law_named_without_brackets_is_foreign():
    # 婚姻登记条例 第九条: "依据婚姻法第十一条的规定" cites the 婚姻法, not the 条例.
    text = sentence("hunyin-dengji-tiaoli-2003-superseded.md", "第九条 ")
    [ref] = [f for f in cited(text) if f[1] == "article"]
    assert ref[0] == "第十一条" and ref[6] is True


def test_article_after_a_bracketed_title_belongs_to_that_law():
    text = "依照《中华人民共和国民法典》第一千零四十二条、第一千零四十三条的规定，适用本法第十条。"
    found = cited(text)
    assert found[0][:2] == ("《中华人民共和国民法典》", "law")
    assert [(f[0], f[5]) for f in found[1:3]] == [("第一千零四十二条", "中华人民共和国民法典"),
                                                 ("第一千零四十三条", "中华人民共和国民法典")]
    assert found[3][0] == "第十条" and found[3][5] is None and not found[3][6]


def test_decision_titles_with_nested_brackets_are_one_title():
    text = sentence("cishan-fa.md", "2023年12月29日")
    [ref] = cited(text)
    assert ref[5] == "关于修改〈中华人民共和国慈善法〉的决定"


def test_item_in_parentheses_and_clause():
    assert cited("依照本条例第十五条第（二）项、第二十条第二款第(三)项")[0][:5] == (
        "第十五条第（二）项", "article", ArticleNumber(15), None, 2)
    assert cited("依照本条例第十五条第（二）项、第二十条第二款第(三)项")[1][3:5] == (2, 3)


def test_title_prefix_tolerated():
    assert normalise_title("中华人民共和国妇女权益保障法") == normalise_title("妇女权益保障法") == "妇女权益保障法"


def test_item_of_the_previous_clause():
    text = sentence("hunyin-dengji-tiaoli-2003-superseded.md", "违反前款")
    assert cited(text)[0][:5] == ("前款第(三)项", "previous-clause", None, None, 3)


def test_this_article_clause():
    # 慈善法 第七十五条第三款: "慈善组织和慈善信托的受托人应当在本条第二款规定的平台……"
    text = sentence("cishan-fa.md", "慈善组织和慈善信托的受托人应当在本条第二款")
    assert [f[:5] for f in cited(text)] == [("本条第二款", "this-article", None, 2, None)]


def test_items_continuing_the_previous_clause_citation():
    text = sentence("hunyin-dengji-tiaoli-2003-superseded.md", "办理离婚登记的香港居民")
    assert [f[:5] for f in cited(text)] == [("前款第(二)项", "previous-clause", None, None, 2),
                                            ("第(三)项", "previous-clause", None, None, 3)]


def test_a_bare_item_without_a_citation_before_it_is_nothing():
    assert cited("符合第二项规定的，依照第三款办理。") == []
    assert cited("依照本法第十条，第二项") == [("第十条", "article", ArticleNumber(10), None, None, None, False),
                                        ("第二项", "article", ArticleNumber(10), None, 2, None, False)]
