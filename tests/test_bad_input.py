"""Bad input never makes a quietly wrong page: a corpus of broken sources, each with its exact outcome.

For every case: the message (file, line, column, level) from `fazhi check` and from the build,
whether `mkdocs build --strict` fails (a WARNING or ERROR line in the build log is what fails it),
the exit code of `fazhi check`, and that every CJK character of the valid content reaches the page
in order. Most cases share one temporary project and one build; the GBK file (which stops the
build) and the 10 MB report have their own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build_site, cjk, copy_project

pytestmark = pytest.mark.build

BINZANG = (ROOT / "handbook" / "binzang-guanli-tiaoli.md").read_text(encoding="utf-8")
REPORT_FRONT = "---\ntitle: 东辽县民政局2023年度法治政府建设报告\n主送机关: 县委、县政府\n署名: 东辽县民政局\n成文日期: 2024年1月20日\n---\n\n"


def page_front(title: str) -> str:
    """Front matter of a plain page numbered like a report (4 lines, then a blank line 5)."""
    return f"---\ntitle: {title}\nnumbering: gongwen\n---\n\n"


def law(title: str, edit, article_count: int = 24) -> str:
    """殡葬管理条例 (24 articles) under another title, changed by `edit`."""
    text = BINZANG.replace("title: 殡葬管理条例", f"title: {title}", 1).replace("# 殡葬管理条例", f"# {title}", 1)
    return edit(text).replace("article_count: 24", f"article_count: {article_count}", 1)


def drop_article_five(text: str) -> str:
    return re.sub(r"\n第五条 .*?\n(?=第六条)", "\n", text, flags=re.S)


@dataclass
class Case:
    """One bad source file and what must come of it."""

    name: str
    path: str  # relative to the project
    data: bytes
    #: Expected `fazhi check` findings as "path:line:col: level: words…" prefixes plus key words.
    check: list[tuple[str, str]] = field(default_factory=list)
    #: Expected build log lines: (LEVEL, "src:line:col" or words, key words).
    build: list[tuple[str, str, str]] = field(default_factory=list)
    #: Text whose CJK characters must all reach the page, in order (None: no page expected).
    content: str | None = None

    @property
    def site_path(self) -> str:
        """The source path as MkDocs names it in the build log."""
        return self.path.removeprefix("docs/")

    @property
    def page(self) -> str:
        return re.sub(r"\.md$", "/index.html", self.site_path)

    @property
    def fails_strict(self) -> bool:
        return any(level in ("WARNING", "ERROR") for level, _, _ in self.build)


CASES = [
    Case("UTF-8 带 BOM", "docs/cases/bom.md",
         ("\ufeff" + page_front("带BOM的页面") + "## 工作措施\n\n第一段正文。\n").encode(),
         check=[("docs/cases/bom.md:1:1: warning:", "BOM")],
         build=[("WARNING", "cases/bom.md:1:1", "BOM")],
         content="带BOM的页面 工作措施 第一段正文。"),
    Case("CRLF 换行", "docs/cases/crlf.md",
         (page_front("Windows换行") + "## 工作措施\n\n第一段正文。\n第一段续行。\n").replace("\n", "\r\n").encode(),
         check=[("docs/cases/crlf.md:1:1: warning:", "CRLF")],
         build=[("WARNING", "cases/crlf.md:1:1", "CRLF")],
         content="Windows换行 工作措施 第一段正文。第一段续行。"),
    Case("单独 CR 换行", "docs/cases/cr.md",
         (page_front("旧式换行") + "## 工作措施\n\n第一段正文。\n第一段续行。\n").replace("\n", "\r").encode(),
         content="旧式换行 工作措施 第一段正文。第一段续行。"),
    Case("制表符和全角空格缩进", "docs/cases/indent.md",
         (page_front("缩进") + "## 工作措施\n\n\t制表符缩进的段落。\n\n\u3000\u3000全角空格缩进的段落。\n").encode(),
         check=[("docs/cases/indent.md:8:1: warning:", "制表符")],
         build=[("WARNING", "cases/indent.md:8:1", "制表符")],
         content="缩进 工作措施 制表符缩进的段落。全角空格缩进的段落。"),
    Case("空文件（年度报告）", "docs/reports/2021.md", b"",
         check=[("docs/reports/2021.md:1:1: error:", "title"), ("docs/reports/2021.md:1:1: error:", "署名"),
                ("docs/reports/2021.md:1:1: error:", "成文日期")],
         build=[("ERROR", "reports/2021.md:1:1", "title")]),
    Case("前置信息不是 YAML", "docs/cases/badyaml.md",
         "---\ntitle: [未闭合的标题\n署名: 东辽县民政局\n---\n\n正文第一段。\n".encode(),
         check=[("docs/cases/badyaml.md:3:1: error:", "YAML")],
         build=[("ERROR", "cases/badyaml.md:3:1", "YAML")],
         content="正文第一段。"),
    Case("缺少标题", "docs/reports/2022.md",
         "---\n主送机关: 县委、县政府\n署名: 东辽县民政局\n成文日期: 2023年1月20日\n---\n\n## 主要举措\n\n正文。\n".encode(),
         check=[("docs/reports/2022.md:1:1: error:", "title")],
         build=[("ERROR", "reports/2022.md:1:1", "title")],
         content="主要举措 正文。"),
    Case("h2 后直接 h4", "docs/cases/skip.md",
         (page_front("跳级") + "## 第一层\n\n正文。\n\n#### 第三层\n\n正文二。\n").encode(),
         check=[("docs/cases/skip.md:10:1: warning:", "跳级")],
         build=[("WARNING", "cases/skip.md:10:1", "跳级")],
         content="跳级 第一层 正文。第三层 正文二。"),
    Case("七级标题", "docs/cases/seven.md",
         (page_front("七级标题") + "## 第一层\n\n####### 第七层标题\n\n正文。\n").encode(),
         check=[("docs/cases/seven.md:8:1: warning:", "第七层标题")],
         build=[("WARNING", "cases/seven.md:8:1", "第七层标题")],
         content="七级标题 第一层 第七层标题 正文。"),
    Case("只有编号的标题", "docs/cases/numonly.md",
         (page_front("只有编号") + "## 一、\n\n正文。\n\n## 二、工作措施\n\n正文二。\n").encode(),
         check=[("docs/cases/numonly.md:6:1: warning:", "只有编号")],
         build=[("WARNING", "cases/numonly.md:6:1", "只有编号")],
         content="只有编号 正文。工作措施 正文二。"),
    Case("重复标题", "docs/cases/dup.md",
         (page_front("重复标题") + "## 工作措施\n\n甲。\n\n## 工作措施\n\n乙。\n\n### 工作措施\n\n丙。\n").encode(),
         content="重复标题 工作措施 甲。工作措施 乙。工作措施 丙。"),
    Case("半角 (一) 与全角 （一） 混用", "docs/cases/mixed.md",
         (page_front("括号混用") + "## 总体情况\n\n### (一)半角括号标题\n\n正文一。\n\n### （二）全角括号标题\n\n正文二。\n").encode(),
         content="括号混用 总体情况 半角括号标题 正文一。全角括号标题 正文二。"),
    Case("链接到不存在的页面", "docs/cases/deadlink.md",
         (page_front("坏链接") + "正文。\n\n见[不存在的页面](meiyou.md)。\n").encode(),
         check=[("docs/cases/deadlink.md:8:2: error:", "meiyou.md")],
         build=[("WARNING", "cases/deadlink.md", "meiyou.md")],
         content="坏链接 正文。见不存在的页面。"),
    Case("<script>", "docs/cases/script.md",
         (page_front("脚本") + "正文一。\n\n<script>alert('脚本内容')</script>\n\n正文二。\n").encode(),
         check=[("docs/cases/script.md:8:1: error:", "<script>")],
         build=[("ERROR", "cases/script.md:8:1", "<script>")],
         content="脚本 正文一。正文二。"),
    Case("<iframe>", "docs/cases/iframe.md",
         (page_front("内嵌框架") + "正文一。\n\n<iframe src=\"https://example.com/\"></iframe>\n\n正文二。\n").encode(),
         check=[("docs/cases/iframe.md:8:1: error:", "<iframe>")],
         build=[("ERROR", "cases/iframe.md:8:1", "<iframe>")],
         content="内嵌框架 正文一。正文二。"),
    Case("onerror=", "docs/cases/onerror.md",
         (page_front("事件属性") + "正文一。\n\n<img src=\"tu.png\" onerror=\"alert(1)\" alt=\"示意图\">\n\n正文二。\n").encode(),
         check=[("docs/cases/onerror.md:8:19: error:", "onerror")],
         build=[("ERROR", "cases/onerror.md:8:19", "onerror")],
         content="事件属性 正文一。正文二。"),
    Case("javascript: 链接", "docs/cases/jslink.md",
         (page_front("脚本链接") + "正文一，[点这里](javascript:alert(1))。\n").encode(),
         check=[("docs/cases/jslink.md:6:11: error:", "javascript:")],
         build=[("ERROR", "cases/jslink.md:6:11", "javascript:")],
         content="脚本链接 正文一，点这里。"),
    Case("法规缺第五条", "handbook/queshi.md",
         law("殡葬管理条例（缺条）", drop_article_five, 23).encode(),
         check=[("handbook/queshi.md:43:1: warning:", "缺少第五条")],
         build=[("WARNING", "handbook/queshi.md:43:1", "缺少第五条")],
         content=drop_article_five(BINZANG).split("<!-- INFO END -->", 1)[1]),
    Case("法规第六条重复", "handbook/chongfu.md",
         law("殡葬管理条例（重条）", lambda t: t.replace("第七条 ", "第六条 ", 1)).encode(),
         check=[("handbook/chongfu.md:51:1: warning:", "第六条重复")],
         build=[("WARNING", "handbook/chongfu.md:51:1", "第六条重复")],
         content=BINZANG.replace("第七条 ", "第六条 ", 1).split("<!-- INFO END -->", 1)[1]),
    Case("法规条文顺序颠倒", "handbook/luanxu.md",
         law("殡葬管理条例（乱序）", lambda t: t.replace("第八条 ", "第九条 ", 1).replace("\n第九条 任何", "\n第八条 任何", 1)).encode(),
         check=[("handbook/luanxu.md:53:1: warning:", "缺少第八条"), ("handbook/luanxu.md:59:1: warning:", "顺序")],
         build=[("WARNING", "handbook/luanxu.md:53:1", "缺少第八条"), ("WARNING", "handbook/luanxu.md:59:1", "顺序")],
         content=BINZANG.split("<!-- INFO END -->", 1)[1].replace("第八条 ", "第九条 ", 1).replace("\n第九条 任何", "\n第八条 任何", 1)),
    Case("第三条之一", "handbook/zhiyi.md",
         law("殡葬管理条例（之一）", lambda t: t.replace(
             "\n第四条 ", "\n第三条之一 县级人民政府民政部门负责本县的殡葬管理工作。\n\n第四条 ", 1), 25).encode(),
         content="第三条之一 县级人民政府民政部门负责本县的殡葬管理工作。"),
    Case("引用不存在的第九百条", "handbook/yinyong.md",
         law("殡葬管理条例（引用）", lambda t: t.replace("制定本条例。", "制定本条例。依照本条例第九百条的规定执行。", 1)).encode(),
         check=[("handbook/yinyong.md:33:1: warning:", "第九百条")],
         build=[("WARNING", "handbook/yinyong.md:33:1", "第九百条")],
         content="第一条 为了加强殡葬管理，推进殡葬改革，促进社会主义精神文明建设，制定本条例。依照本条例第九百条的规定执行。"),
]
HANDBOOK_YML = "title: 测试手册\ncategories:\n  殡葬管理:\n" + "".join(
    f"    - {Path(c.path).stem}\n" for c in CASES if c.path.startswith("handbook/"))


class _Text(HTMLParser):
    """The readable text of a page's <article>, without Material's buttons and the last-updated line."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "article":
            self.depth += 1
        elif self.depth and (self.skip or "md-source-file" in classes or "md-content__button" in classes):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def in_order(needle: str, haystack: str) -> bool:
    """Every character of `needle` occurs in `haystack`, in the same order."""
    chars = iter(haystack)
    return all(c in chars for c in needle)


def fazhi_check(project: Path, rel: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fazhi", "check", *options, rel], cwd=project,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """One project holding every case (their outcomes do not interfere), built once, leniently."""
    tmp = tmp_path_factory.mktemp("bad")
    project = copy_project(tmp / "project", with_handbook=False)
    (project / "handbook").mkdir(exist_ok=True)
    (project / "handbook" / "handbook.yml").write_text(HANDBOOK_YML, encoding="utf-8")
    for case in CASES:
        target = project / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(case.data)
    result = build_site(project, tmp / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return project, tmp / "site", result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fazhi_check_names_file_and_line(corpus, case):
    project = corpus[0]
    result = fazhi_check(project, case.path)
    lines = result.stderr.splitlines() + result.stdout.splitlines()
    for prefix, words in case.check:
        assert any(line.startswith(prefix) and words in line for line in lines), (prefix, words, lines)
    findings = [line for line in lines if re.match(rf"{re.escape(case.path)}:\d+:\d+: (error|warning):", line)]
    assert len(findings) >= len(case.check) if case.check else findings == []
    # fazhi check agrees with the publish build: it fails exactly where `mkdocs build --strict` does
    # (the build side of each case is asserted against the real build log below).
    assert result.returncode == (1 if case.fails_strict else 0), lines


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_build_reports_it_and_strict_fails_where_it_is_an_error(corpus, case):
    log = corpus[2].splitlines()
    for level, where, words in case.build:
        assert any(line.startswith(level) and where in line and words in line for line in log), (level, where, words)
    own = [line for line in log if line.startswith(("WARNING", "ERROR")) and case.site_path in line]
    assert bool(own) == case.fails_strict, own


@pytest.mark.parametrize("case", [c for c in CASES if c.content], ids=[c.name for c in CASES if c.content])
def test_no_character_of_the_valid_content_is_lost(corpus, case):
    page = (corpus[1] / case.page).read_text(encoding="utf-8")
    text = article_text(page)
    assert in_order(cjk(case.content), cjk(text)), case.page
    for bad in ("<script", "<iframe", "onerror", "javascript:", "alert"):
        assert bad not in page.split("<article", 1)[1].split("</article>", 1)[0]


def test_duplicate_headings_get_unique_readable_ids(corpus):
    page = (corpus[1] / "cases/dup/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[23] id="([^"]+)"', page)
    assert len(ids) == 3 and len(set(ids)) == 3
    assert all(i.startswith("gong-zuo-cuo-shi") for i in ids)


def test_ascii_and_fullwidth_parentheses_number_alike(corpus):
    text = article_text((corpus[1] / "cases/mixed/index.html").read_text(encoding="utf-8"))
    assert "（一）半角括号标题" in text and "（二）全角括号标题" in text
    assert "(一)" not in text


def test_tab_indented_line_is_flagged_because_it_became_code(corpus):
    page = (corpus[1] / "cases/indent/index.html").read_text(encoding="utf-8")
    assert "<code>制表符缩进的段落。" in page  # what the warning at line 8 is about
    # U+3000 indentation copied from Word is layout, not text: Markdown drops it, the stylesheet indents 2 字.
    assert "\n全角空格缩进的段落。" in article_text(page)


def test_article_three_bis_is_addressable_and_in_order(corpus):
    page = (corpus[1] / "handbook/zhiyi/index.html").read_text(encoding="utf-8")
    text = article_text(page)
    assert text.index("第三条 ") < text.index("第三条之一") < text.index("第四条 ")
    assert re.search(r'id="t3-1"', page)


def test_missing_article_reference_is_not_a_link(corpus):
    page = (corpus[1] / "handbook/yinyong/index.html").read_text(encoding="utf-8")
    assert re.search(r"<a [^>]*>[^<]*第九百条", page) is None
    assert "第九百条" in article_text(page)


@pytest.mark.parametrize("rel, text", [
    ("docs/reports/2023.md", REPORT_FRONT + "## 主要举措和成效\n\n全面推进依法行政，强化执法监督。\n"),
    ("handbook/gbk-law.md", law("殡葬管理条例（GBK）", lambda t: t)),
], ids=["GBK 年度报告", "GBK 法规"])
def test_gbk_file_stops_the_build_with_a_chinese_message(tmp_path, rel, text):
    project = copy_project(tmp_path / "p", with_handbook=False)
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_bytes(text.encode("gbk"))
    check = fazhi_check(project, rel)
    assert check.returncode == 1
    assert re.search(rf"^{re.escape(rel)}:1:1: error: .*GBK.*fazhi check --fix", check.stderr, re.M)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(rf"^ERROR .*{re.escape(rel.removeprefix('docs/'))}.*不是 UTF-8 编码", result.stderr, re.M)
    fixed = fazhi_check(project, rel, "--fix")
    assert fixed.returncode == 0
    assert (project / rel).read_text(encoding="utf-8") == text


def test_ten_megabyte_report_builds_whole(tmp_path):
    """Out of the search index (front matter `search: {exclude: true}`, the key Material and
    fazhi's index honour): segmenting 10 MB is not what this case tests, the report's own
    processing is."""
    project = copy_project(tmp_path / "p", with_handbook=False)
    seed = (project / "docs" / "reports" / "2024.md").read_text(encoding="utf-8")
    front, body = seed.split("\n---\n", 1)
    front += "\nsearch:\n  exclude: true"
    copies = 10 * 1024 * 1024 // len(body.encode("utf-8")) + 1
    (project / "docs" / "reports" / "2024.md").write_text(front + "\n---\n" + body * copies, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    text = article_text((tmp_path / "site" / "reports" / "2024" / "index.html").read_text(encoding="utf-8"))
    assert in_order(cjk(body) * copies, cjk(text))
