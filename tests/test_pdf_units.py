"""Print HTML pieces: break points for justification, run-in headings, title lines, page sizes."""

from __future__ import annotations

import pdfplumber
import pytest

from fazhi.settings import SettingsError
from fazhi.site.config import settings_of

from fazhi.pdf import build, grid
from fazhi.pdf import html as print_html
from fazhi.pdf.render import Renderer, source_date
from pdf_layout import PT, own_name


def _text(el) -> str:
    return "".join(el.itertext())


@pytest.mark.parametrize("before, after, allowed", [
    ("法", "治", True),       # between ideographs
    ("法", "，", False),      # 行首禁则: no line may start with ，
    ("（", "一", False),      # 行尾禁则: no line may end with （
    ("》", "《", True),
    ("—", "—", False),        # —— stays whole
    ("2", "0", False),        # numbers stay whole
    ("4", "年", True),
    ("a", "b", False),
])
def test_break_points(before, after, allowed):
    assert grid.may_break(before, after) is allowed


def test_justify_changes_no_character():
    source = ('<h2><span class="fz-num">一、</span>2024年度“推进”（政府）——建设</h2>'
              '<p><strong class="fz-article-num">第一条</strong> 为了 发展，事业abc def。</p><pre>a  b</pre>')
    root = print_html.fragment(source)
    before = _text(root)
    grid.justify(root)
    after = _text(root)
    inserted = (" ", grid.STRETCH, grid.TIGHT)  # break, stretch and tight (》《) spaces
    assert "".join(ch for ch in after if ch not in inserted) == before.replace(" ", "")  # only spaces were added
    assert "a  b" in after  # preformatted text untouched
    assert root.find(".//h2").get("data-fz-label") == "一、2024年度“推进”（政府）——建设"
    gaps = root.findall(".//span[@class='fz-gap']")
    # The source's own spaces keep their width, each with the character before it (WeasyPrint
    # draws no text box of whitespace alone); the article number's inside the number.
    assert [g.text for g in gaps] == ["条 ", "了 ", "c "]
    assert gaps[0].getparent().get("class") == "fz-article-num"
    assert root.get("class") == "fz-grid"


def test_run_in_heading_joins_its_paragraph():
    root = print_html.fragment('<h3 class="fz-run-in" id="x"><span class="fz-num">（一）</span>加强宣传。</h3><p>正文。</p>'
                               '<h3 id="y"><span class="fz-num">（二）</span>独立标题</h3><p>另一段。</p>')
    print_html.run_in(root)
    paragraphs = root.findall("p")
    assert _text(paragraphs[0]) == "（一）加强宣传。正文。"
    assert paragraphs[0][0].get("class") == "fz-run-in fz-h3" and paragraphs[0][0].get("id") == "x"
    assert root.find("h3").get("id") == "y"  # a heading that is not run-in stays a block


def test_title_lines_break_between_words():
    assert print_html.title_lines("东辽县民政局2024年度法治政府建设报告") == ["东辽县民政局2024年度法治政府建设报告"]
    lines = print_html.title_lines("东辽县民政系统普法宣传手册", 10)
    assert "".join(lines) == "东辽县民政系统普法宣传手册" and len(lines) == 2
    assert lines[0].endswith("系统") and lines[1].startswith("普法")


def test_settings_accept_a4_a5_only():
    def pdf(**options):
        return build.PdfSettings.from_site(settings_of({"pdf": options}))

    assert pdf(handbook_size="a4").handbook_size == "A4"
    with pytest.raises(SettingsError, match="law_size.*B5"):
        pdf(law_size="B5")
    with pytest.raises(SettingsError, match="4 的倍数"):
        pdf(booklet_signature=10)
    assert pdf(imprint={"编印单位": "东辽县民政局", "印数": ""}).imprint == {"编印单位": "东辽县民政局"}
    with pytest.raises(SettingsError, match="imprint.*未知的项：印刷厂"):
        pdf(imprint={"印刷厂": "某厂"})


@pytest.mark.parametrize("size, mm", [("A4", (210, 297)), ("A5", (148, 210))])
def test_law_page_size(tmp_path, size, mm):
    law = print_html.LawPrint("demo", "示例条例", "其他", '<h1 id="t">示例条例</h1><h2 id="zhang-1">第一章 总则</h2>'
                              '<p><strong class="fz-article-num">第一条</strong> 为了示例，制定本条例。</p>')
    info = print_html.DocInfo("示例条例", "东辽县民政局", source_date({}))
    target = Renderer(tmp_path / "cache").render(print_html.law_html(law, info, size), tmp_path / "law.pdf")
    with pdfplumber.open(target) as pdf:
        page = pdf.pages[0]
        assert abs(page.width * PT - mm[0]) < 1 and abs(page.height * PT - mm[1]) < 1
        assert "第一条" in page.extract_text().replace(" ", "")


def test_report_heading_faces_all_four_levels(tmp_path):
    """7.3.3: 一、黑体, （一）楷体, 1. and （1）仿宋, all 3号 (16 pt), block and run-in alike."""
    body = ('<h1 class="fz-title">测试报告</h1><p class="fz-addressee">县政府：</p><div class="fz-body">'
            '<h2 id="a"><span class="fz-num">一、</span>第一层标题</h2>'
            '<h3 id="b"><span class="fz-num">（一）</span>第二层标题</h3>'
            '<h4 id="c"><span class="fz-num">1.</span>第三层标题</h4>'
            '<h5 id="d"><span class="fz-num">（1）</span>第四层标题</h5>'
            '<h4 class="fz-run-in" id="e"><span class="fz-num">2.</span>段首标题。</h4><p>正文内容。</p>'
            '</div>')
    info = print_html.DocInfo("测试报告", "东辽县民政局", source_date({}))
    target = Renderer(tmp_path / "cache").render(print_html.report_html(body, info), tmp_path / "r.pdf")
    hei, kai, fang = own_name("heiti"), own_name("kaiti"), own_name("fangsong")
    expected = {"第一层标题": hei, "第二层标题": kai, "第三层标题": fang,
                "第四层标题": fang, "段首标题": fang, "正文内容": fang}
    with pdfplumber.open(target) as pdf:
        chars = [c for c in pdf.pages[0].chars if not c["text"].isspace()]
    text = "".join(c["text"] for c in chars)
    for words, family in expected.items():
        start = text.index(words)
        faces = {c["fontname"].split("+")[-1] for c in chars[start:start + len(words)]}
        sizes = {round(c["size"]) for c in chars[start:start + len(words)]}
        assert faces == {family} and sizes == {16}, (words, faces, sizes)
    run_in = [c for c in chars if c["text"] in "段正"]
    assert abs(run_in[0]["top"] - run_in[1]["top"]) < 1  # 段首标题 and its text share a line


def test_background_render_skips_superseded_builds(tmp_path):
    """Under serve a newer build supersedes an older one that has not started rendering yet."""
    results = []

    def pdf_build():
        made = build.PdfBuild(build.PdfSettings(bureau="东辽县民政局"), Renderer(tmp_path / "cache"))
        made.capture('<h1 class="fz-title">报告</h1><div class="fz-body"><p>正文。</p></div>',
                     "reports/2024.md", {"title": "报告", "成文日期": "2025年1月26日"}, "报告")
        return made

    with build._render_lock:  # an earlier render is still running
        first = build.write_in_background(pdf_build(), tmp_path / "a", results.append)
        second = build.write_in_background(pdf_build(), tmp_path / "b", results.append)
    first.join(60)
    second.join(60)
    assert results == [["pdf/reports/2024.pdf"]]
    assert not (tmp_path / "a" / "pdf").exists() and (tmp_path / "b" / "pdf" / "reports" / "2024.pdf").is_file()
