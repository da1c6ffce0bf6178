"""Heading numbering as a reader sees it: markers per level, resets, manual numbers, ids."""

import xml.etree.ElementTree as etree

import markdown
import pytest

from fazhi.report.extension import NumberingExtension


def render(source: str, scheme: str = "gongwen", **config):
    ext = NumberingExtension(scheme=scheme, path="docs/reports/x.md", **config)
    html = markdown.markdown(source, extensions=["attr_list", "fenced_code", ext, "toc"])
    root = etree.fromstring(f"<root>{html}</root>")
    headings = [(el.tag, "".join(el.itertext()), el.get("id")) for el in root if el.tag[0] == "h"]
    return headings, ext.diagnostics.drain(), html


def texts(headings):
    return [text for _, text, _ in headings]


def test_four_gongwen_levels_and_a_fifth():
    src = "## 甲\n\n### 乙\n\n#### 丙\n\n##### 丁\n\n###### 戊\n"
    headings, diags, _ = render(src)
    assert texts(headings) == ["一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"]
    assert diags == []


def test_counters_reset_under_each_parent():
    src = "## A\n\n### a\n\n### b\n\n#### x\n\n## B\n\n### c\n\n#### y\n\n#### z\n"
    headings, _, _ = render(src)
    assert texts(headings) == ["一、A", "（一）a", "（二）b", "1.x", "二、B", "（一）c", "1.y", "2.z"]


def test_count_past_ten_uses_official_numerals():
    src = "".join(f"## 第{n}部分内容\n\n" for n in range(1, 13))
    headings, _, _ = render(src)
    assert [t.split("、")[0] for t in texts(headings)][9:] == ["十", "十一", "十二"]


def test_h1_is_the_title_and_not_numbered():
    headings, _, _ = render("# 报告标题\n\n## 主要举措\n")
    assert texts(headings) == ["报告标题", "一、主要举措"]


@pytest.mark.parametrize("written", ["一、", "（一）", "(一)", "1.", "1、", "1．", "（1）"])
def test_manual_number_is_not_doubled(written):
    headings, _, _ = render(f"## {written}主要举措和成效\n")
    assert texts(headings) == ["一、主要举措和成效"]


def test_correct_manual_number_is_silent():
    headings, diags, _ = render("## 一、甲\n\n### （一）乙\n\n### （二）丙\n")
    assert texts(headings) == ["一、甲", "（一）乙", "（二）丙"]
    assert diags == []


def test_wrong_manual_number_warns_with_file_and_line():
    src = "前言\n\n## 甲\n\n## 三、乙\n"
    headings, diags, _ = render(src, line_offset=5)
    assert texts(headings) == ["一、甲", "二、乙"]
    assert len(diags) == 1
    assert str(diags[0]).startswith("docs/reports/x.md:10:1: warning:")
    assert "三、" in diags[0].message and "二、" in diags[0].message


def test_wrong_style_manual_number_warns():
    _, diags, _ = render("## 甲\n\n### 1.乙\n")
    assert len(diags) == 1 and "（一）" in diags[0].message


def test_skipped_level_warns_and_still_numbers():
    headings, diags, _ = render("## 甲\n\n#### 丙\n")
    assert texts(headings) == ["一、甲", "1.丙"]
    assert len(diags) == 1 and diags[0].line == 3 and "跳级" in diags[0].message


def test_heading_of_only_a_number_warns():
    headings, diags, _ = render("## 一、\n\n正文\n")
    assert texts(headings) == ["一、"]
    assert any("没有标题文字" in d.message for d in diags)


def test_numbers_are_real_text_in_html_and_toc():
    _, _, html = render("## 主要举措和成效\n")
    assert '<span class="fz-num">一、</span>主要举措和成效' in html
    md = markdown.Markdown(extensions=[NumberingExtension(), "toc"])
    md.convert("## 主要举措和成效\n")
    assert md.toc_tokens[0]["name"] == "一、主要举措和成效"


def test_ids_are_pinyin_of_text_without_number():
    headings, _, _ = render("## 一、主要举措和成效\n")
    assert headings[0][2] == "zhu-yao-ju-cuo-he-cheng-xiao"


def test_ids_unique_and_stable_when_a_section_is_inserted():
    before, _, _ = render("## 甲乙\n\n## 丙丁\n\n## 甲乙\n")
    after, _, _ = render("## 新增\n\n## 甲乙\n\n## 丙丁\n\n## 甲乙\n")
    assert [h[2] for h in before] == ["jia-yi", "bing-ding", "jia-yi-2"]
    assert [h[2] for h in after][1:] == [h[2] for h in before]
    assert not any(h[2].startswith("_") for h in after)


def test_polyphones_follow_phrase_dictionary():
    headings, _, _ = render("## 重大行政决策\n", scheme="none")
    assert headings[0][2] == "zhong-da-xing-zheng-jue-ce"


def test_custom_id_wins():
    headings, _, _ = render("## 甲 {#custom}\n")
    assert headings[0][2] == "custom"


def test_run_in_heading_is_marked():
    _, _, html = render("### 加强普查宣传，创新宣传形式。\n\n正文\n\n### 规范执法\n")
    assert html.count("fz-run-in") == 1


def test_none_scheme_adds_no_numbers_but_ids():
    headings, _, _ = render("## 使用说明\n", scheme="none")
    assert headings == [("h2", "使用说明", "shi-yong-shuo-ming")]


def test_bufen_scheme():
    headings, _, _ = render("## 第一部分 总体情况\n\n### 甲\n\n#### 乙\n\n##### 丙\n", scheme="bufen")
    assert texts(headings) == ["第一部分\u3000总体情况", "一、甲", "（一）乙", "1.丙"]


def test_headings_in_fenced_code_do_not_shift_lines():
    src = "```\n## 不是标题\n```\n\n## 甲\n\n## 五、乙\n"
    _, diags, _ = render(src)
    assert [d.line for d in diags] == [7]


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown numbering scheme"):
        render("## 甲\n", scheme="roman")


@pytest.mark.parametrize("scheme", ["law", "none"])
def test_schemes_without_numbers_keep_written_numbers_verbatim(scheme):
    headings, diags, _ = render("## 第一章 总则\n\n## 一、说明\n", scheme=scheme)
    assert texts(headings) == ["第一章 总则", "一、说明"]
    assert diags == []


def test_many_duplicate_headings_get_distinct_ids_in_order():
    headings, _, _ = render("".join("## 工作措施\n\n" for _ in range(1200)) + "## 工作措施-2\n", scheme="none")
    got = [h[2] for h in headings]
    assert got[:3] == ["gong-zuo-cuo-shi", "gong-zuo-cuo-shi-2", "gong-zuo-cuo-shi-3"]
    assert len(set(got)) == len(got) == 1201
