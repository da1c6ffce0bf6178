"""`fazhi import` of reports: the seed text round trip, Word files in several numbering styles, GBK text."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from conftest import ROOT, SEED, build_site, cjk, copy_project
from fazhi.importer import import_file
from fazhi.importer.report import convert_report
from fazhi.importer.source import paragraphs_from_text
from fazhi.report.numbering import read_manual_number

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_seed_import_equals_committed_report(tmp_path):
    result = import_file(SEED)
    assert result.markdown == (ROOT / "docs/reports/2024.md").read_text(encoding="utf-8")
    assert [d for d in result.diagnostics if d.level != "info"] == []


def _numbers_in_seed() -> list[str]:
    found = []
    for line in SEED_TEXT.splitlines():
        manual = read_manual_number(line.strip("\u3000 "))
        if manual and manual.style in ("cn-dun", "cn-paren"):
            found.append(manual.text)
    return found


@pytest.mark.build
def test_seed_round_trip_through_the_built_page(tmp_path):
    """The page built from the imported seed shows the seed's characters and its numbers, in order."""
    project = copy_project(tmp_path / "project", with_handbook=False)
    (project / "docs/reports/2024.md").write_text(import_file(SEED).markdown, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/reports/2024/index.html").read_text(encoding="utf-8")
    start = html.index('<h1 class="fz-title"')
    end = html.index("</div>", html.index("fz-signature-box"))
    report = html[start:end]
    assert cjk(re.sub(r"<[^>]+>", "", report)) == cjk(SEED_TEXT)
    shown = re.findall(r'<h[23][^>]*><span class="fz-num">([^<]*)</span>', report)
    assert shown == _numbers_in_seed()
    assert len(shown) == 22  # 五个“一、”级 + 十七个“（一）”级


def _docx(tmp_path: Path, name: str, build) -> Path:
    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def _body(markdown: str) -> str:
    return markdown.split("---\n", 2)[2]


def test_docx_typed_numbers_own_line_and_run_in(tmp_path):
    def build(d):
        for text in [
            "东辽县民政局", "2025年度法治政府建设报告", "县委、县政府：",
            "\u3000\u3000现将有关情况报告如下：",
            "\u3000\u3000一、主要举措和成效",
            "\u3000\u3000（一）加强学习。全年组织学习12次，一是学法规，二是学案例。",
            "\u3000\u30001．建立制度。制定了《学法制度》。",
            "\u3000\u30002、落实制度",
            "\u3000\u3000(二)规范执法",
            "\u3000\u3000二、存在的不足",
            "\u3000\u3000一是宣传不够，二是培训偏少。",
            "东辽县民政局", "2026年1月20日",
        ]:
            d.add_paragraph(text)

    result = import_file(_docx(tmp_path, "typed.docx", build))
    assert result.meta == {"title": "东辽县民政局2025年度法治政府建设报告", "主送机关": "县委、县政府",
                           "署名": "东辽县民政局", "成文日期": "2026年1月20日"}
    assert _body(result.markdown) == (
        "\n现将有关情况报告如下：\n\n## 主要举措和成效\n\n### 加强学习。\n\n全年组织学习12次，一是学法规，二是学案例。\n\n"
        "#### 建立制度。\n\n制定了《学法制度》。\n\n#### 落实制度\n\n### 规范执法\n\n## 存在的不足\n\n"
        "一是宣传不够，二是培训偏少。\n"
    )
    messages = [d.message for d in result.diagnostics]
    assert "标题分2行书写，已合并为“东辽县民政局2025年度法治政府建设报告”" in messages


def test_docx_word_heading_styles(tmp_path):
    def build(d):
        d.add_heading("关于2025年度法治政府建设情况的报告", level=0)
        d.add_paragraph("县委、县政府：")
        d.add_heading("主要举措和成效", level=1)
        d.add_heading("加强学习", level=2)
        d.add_paragraph("全年组织学习。")
        d.add_heading("下一年度安排", level=1)
        d.add_paragraph("继续加强学习。")
        d.add_paragraph("东辽县民政局")
        d.add_paragraph("二〇二六年一月二十日")

    result = import_file(_docx(tmp_path, "styles.docx", build))
    assert result.meta["title"] == "关于2025年度法治政府建设情况的报告"
    assert result.meta["成文日期"] == "二〇二六年一月二十日"
    assert _body(result.markdown) == "\n## 主要举措和成效\n\n### 加强学习\n\n全年组织学习。\n\n## 下一年度安排\n\n继续加强学习。\n"


_NUMBERING = """<w:abstractNum {ns} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""


def _auto_numbered(d, text: str, level: int) -> None:
    paragraph = d.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def test_docx_word_automatic_numbering(tmp_path):
    def build(d):
        numbering = d.part.numbering_part.element
        numbering.insert(0, parse_xml(_NUMBERING.format(ns=nsdecls("w"))))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        d.add_paragraph("东辽县民政局2025年度法治政府建设报告")
        _auto_numbered(d, "主要举措", 0)
        _auto_numbered(d, "加强学习。全年学习12次。", 1)
        _auto_numbered(d, "集中学习", 2)
        _auto_numbered(d, "规范执法", 1)
        _auto_numbered(d, "下一步安排", 0)
        d.add_paragraph("东辽县民政局")
        d.add_paragraph("2026年1月20日")

    result = import_file(_docx(tmp_path, "auto.docx", build))
    assert _body(result.markdown) == (
        "\n## 主要举措\n\n### 加强学习。\n\n全年学习12次。\n\n#### 集中学习\n\n### 规范执法\n\n## 下一步安排\n"
    )


def test_part_top_level_selects_the_bufen_scheme():
    text = "某局2025年度报告\n\n第一部分 主要成效\n\n一、学法\n\n（一）集中学习。每月一次。\n\n第二部分 存在问题\n\n一、不足\n\n某局\n\n2026年1月2日\n"
    result = convert_report(paragraphs_from_text(text))
    assert result.meta["numbering"] == "bufen"
    assert _body(result.markdown) == (
        "\n## 主要成效\n\n### 学法\n\n#### 集中学习。\n\n每月一次。\n\n## 存在问题\n\n### 不足\n"
    )


def test_leading_page_chrome_is_skipped_and_reported():
    text = "字号：大 中 小\n索引号：11220422/2025-00012\n发布机构：东辽县民政局\n2025-01-26 09:30\n某局报告\n\n正文。\n\n某局\n\n2025年1月26日\n"
    result = convert_report(paragraphs_from_text(text), "web.txt")
    assert result.meta["title"] == "某局报告"
    assert [str(d) for d in result.diagnostics] == [
        "web.txt:1:1: info: 已跳过标题前的网页元素“字号：大 中 小”（不属于正文）",
        "web.txt:2:1: info: 已跳过标题前的网页元素“索引号：11220422/2025-00012”（不属于正文）",
        "web.txt:3:1: info: 已跳过标题前的网页元素“发布机构：东辽县民政局”（不属于正文）",
        "web.txt:4:1: info: 已跳过标题前的网页元素“2025-01-26 09:30”（不属于正文）",
    ]


def test_markdown_syntax_in_text_is_kept_as_text():
    text = "报告\n\n1.5亿元用于*救助*，见[附件]与<表1>，# 号和 _ 线。\n\n- 开头的横线\n"
    body = _body(convert_report(paragraphs_from_text(text)).markdown)
    import markdown

    html = markdown.markdown(body)
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == (
        "1.5亿元用于*救助*，见[附件]与<表1>，# 号和 _ 线。\n- 开头的横线"
    )


def test_number_that_does_not_match_its_position_is_reported():
    text = "报告\n\n一、甲\n\n三、乙\n"
    result = convert_report(paragraphs_from_text(text), "r.txt")
    assert "r.txt:5:1: warning: 标题“三、乙”的编号与位置不符，网页上按位置显示为“二、”，请核对原文" in [str(d) for d in result.diagnostics]


def test_gbk_text_imports_like_utf8(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(SEED_TEXT.encode("gbk"))
    assert import_file(gbk).markdown == import_file(SEED).markdown


def test_docx_tables_leading_index_table_skipped_body_table_kept(tmp_path):
    def build(d):
        index = d.add_table(rows=2, cols=2)
        for row, (key, value) in zip(index.rows, [("索引号", "11220422/2025-00012"), ("发布机构", "东辽县民政局")]):
            row.cells[0].text, row.cells[1].text = key, value
        d.add_paragraph("某局2025年度报告")
        d.add_paragraph("一、主要数据")
        data = d.add_table(rows=2, cols=2)
        for row, cells in zip(data.rows, [("项目", "数量"), ("婚姻登记|结婚", "1,200对")]):
            row.cells[0].text, row.cells[1].text = cells
        d.add_paragraph("某局")
        d.add_paragraph("2026年1月2日")

    result = import_file(_docx(tmp_path, "tables.docx", build))
    assert result.meta["title"] == "某局2025年度报告"
    assert _body(result.markdown) == (
        "\n## 主要数据\n\n| 项目 | 数量 |\n| --- | --- |\n| 婚姻登记\\|结婚 | 1,200对 |\n"
    )
    skipped = [d for d in result.diagnostics if d.message.startswith("已跳过标题前的网页元素")]
    assert len(skipped) == 1 and "索引号" in skipped[0].message


def test_four_levels_with_parenthesised_arabic_numbers():
    text = "报告\n\n一、甲\n\n（一）乙\n\n1.丙\n\n（1）丁。正文。\n\n(2)戊\n\n2)己\n"
    body = _body(convert_report(paragraphs_from_text(text)).markdown)
    assert body == "\n## 甲\n\n### 乙\n\n#### 丙\n\n##### 丁。\n\n正文。\n\n##### 戊\n\n#### 己\n"


def test_seed_typed_into_word_imports_like_the_text_file(tmp_path):
    """The seed as a Word file (one paragraph a line, indentation kept) gives the same Markdown."""
    def build(d):
        for line in SEED_TEXT.splitlines():
            if line.strip():
                d.add_paragraph(line)

    assert import_file(_docx(tmp_path, "seed.docx", build)).markdown == import_file(SEED).markdown
