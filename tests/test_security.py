"""No author-supplied script reaches the public site: raw HTML allow-list, safe links, local images."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from conftest import ROOT, build_site, copy_project
from fazhi.security.sanitize import SanitizeExtension
from fazhi.site.config import load_project
from fazhi.text.frontmatter import split_front_matter

#: The site's own Markdown extensions (mkdocs.yml), which decide what is raw HTML and what is code.
PROJECT = load_project(ROOT)[0]


def site_markdown(*extensions) -> markdown.Markdown:
    return markdown.Markdown(extensions=[*PROJECT.markdown_extensions, *extensions],
                             extension_configs=dict(PROJECT.extension_configs))


def find_unsafe_html(text: str, path: str, line_offset: int = 0) -> list:
    """What the allow-list cuts from a whole Markdown file, cited with the file's own lines."""
    _, body, front_lines = split_front_matter(text)
    extension = SanitizeExtension(path=path, line_offset=line_offset + front_lines)
    site_markdown(extension).convert(body)
    return sorted(extension.diagnostics.drain())

ATTACKS = """---
title: 测试页
---

正文第一段保留。

<script>alert("x")</script>

<iframe src="https://evil.example/"></iframe>

<img src="tu.png" onerror="alert(1)">

[点我](javascript:alert(1))

[实体](java&#9;script&#58;alert(1))

![外部图片](https://evil.example/a.png)

段落带事件
{: onclick="alert(2)" }

行内<span class="zhu" onmouseover="alert(3)">注释</span>结束。
"""


def render(text: str) -> tuple[str, list[str]]:
    ext = SanitizeExtension(path="docs/t.md")
    html = site_markdown(ext).convert(text)
    return html, [str(d) for d in ext.diagnostics.drain()]


def test_each_attack_is_an_error_with_file_line_and_column():
    found = [str(d) for d in find_unsafe_html(ATTACKS, "docs/t.md")]
    assert found == [
        "docs/t.md:7:1: error: 不允许的 HTML 标签 <script>：已从网页中删除（允许的标签见 fazhi/sanitize.py）",
        "docs/t.md:9:1: error: 不允许的 HTML 标签 <iframe>：已从网页中删除（允许的标签见 fazhi/sanitize.py）",
        "docs/t.md:11:19: error: 不允许的 HTML 属性 onerror（<img> 标签）：已从网页中删除",
        "docs/t.md:13:6: error: 不安全的链接地址 javascript:alert(1)：只允许 http、https、mailto、tel 和本站地址",
        "docs/t.md:15:6: error: 不安全的链接地址 java&#9;script&#58;alert(1)：只允许 http、https、mailto、tel 和本站地址",
        "docs/t.md:17:9: error: 图片等资源地址 https://evil.example/a.png 指向外部网站：只能使用本站文件（放在 docs/ 下，写相对路径）",
        "docs/t.md:20:4: error: 不允许的 HTML 属性 onclick（事件处理程序）：已从网页中删除",
        "docs/t.md:22:21: error: 不允许的 HTML 属性 onmouseover（<span> 标签）：已从网页中删除",
    ]


def test_author_ids_cannot_take_materials_names():
    found = find_unsafe_html('<div id="__config">{}</div>\n<span id="zhu-1">注</span>\n', "docs/t.md")
    assert [str(d) for d in found] == [
        'docs/t.md:1:6: error: HTML 属性 id="__config" 以 __ 开头，与网站程序使用的名称冲突：已删除']
    assert '<div>{}</div>' in render('<div id="__config">{}</div>\n')[0]


def test_html_inside_markdown_blocks_is_cleaned_too():
    text = ('<div class="grid cards" markdown style="color:red">\n\n- **年度报告**\n\n<script>alert(1)</script>\n\n'
            '<iframe markdown="1" src="https://evil.example/">\n\n框内\n\n</iframe>\n\n</div>\n')
    assert [str(d) for d in find_unsafe_html(text, "docs/t.md")] == [
        "docs/t.md:1:34: error: 不允许的 HTML 属性 style（<div> 标签）：已从网页中删除",
        "docs/t.md:5:1: error: 不允许的 HTML 标签 <script>：已从网页中删除（允许的标签见 fazhi/sanitize.py）",
        "docs/t.md:7:1: error: 不允许的 HTML 标签 <iframe>：已从网页中删除（允许的标签见 fazhi/sanitize.py）",
    ]
    html, _ = render(text)
    for bad in ("<script", "<iframe", "style=", "evil.example", "alert"):
        assert bad not in html
    assert '<div class="grid cards">' in html and "<strong>年度报告</strong>" in html


def test_line_offset_is_added():
    found = find_unsafe_html("<script>x</script>\n", "handbook/a.md", line_offset=10)
    assert [(d.path, d.line, d.col, d.level) for d in found] == [("handbook/a.md", 11, 1, "error")]


def test_nothing_dangerous_is_left_and_text_is_kept():
    html, _ = render(ATTACKS.split("---\n", 2)[2])
    lowered = html.lower()
    for bad in ("<script", "<iframe", "onerror", "onclick", "onmouseover", "javascript", "evil.example", "&#58;"):
        assert bad not in lowered
    for text in ("正文第一段保留。", "点我", "实体", "段落带事件", "行内", "注释", "结束。"):
        assert text in html
    assert '<img src="tu.png">' in html
    assert "<span>点我</span>" in html and "<span>外部图片</span>" in html
    assert '<span class="zhu">注释</span>' in html


@pytest.mark.parametrize("text", [
    '<table>\n<tr><th colspan="2">项目</th></tr>\n<tr><td rowspan="1">甲</td><td>乙</td></tr>\n</table>\n',
    "第1<sup>2</sup>条，H<sub>2</sub>O，换行<br>续行。\n",
    '<div class="fz-note">说明<span class="x">文字</span></div>\n',
    '<a href="../handbook/cishan-fa/#t10">站内链接</a> <a href="https://www.npc.gov.cn/">人大网</a>\n',
    '<img src="../assets/tu.png" alt="图">\n',
    "[邮件](mailto:mzj@example.cn) [电话](tel:0437-1234567) [本页](#shang) [上级](../index.md)\n",
    "```html\n<script>alert(1)</script>\n```\n",
    "行内代码 `<iframe src=x>` 不是 HTML。\n",
    "<!-- INFO END -->\n\n正文\n",
])
def test_allowed_html_and_code_pass_untouched(text):
    assert find_unsafe_html(text, "docs/ok.md") == []
    plain = site_markdown().convert(text)
    assert render(text)[0] == plain


def test_script_inside_a_fenced_block_stays_visible_code():
    html, errors = render("```html\n<script>alert(1)</script>\n```\n")
    assert errors == []
    assert "<script" not in html and "alert" in html and "&lt;" in html


def test_strict_build_fails_and_a_lenient_build_publishes_only_clean_html(tmp_path):
    project = copy_project(tmp_path / "p", with_handbook=False)
    (project / "docs" / "gongkai.md").write_text(ATTACKS, encoding="utf-8")
    strict = build_site(project, tmp_path / "strict")
    assert strict.returncode != 0
    log = strict.stdout + strict.stderr
    assert "docs/gongkai.md:7:1: error: 不允许的 HTML 标签 <script>" in log or "gongkai.md:7:1" in log
    assert "gongkai.md:13:6" in log and "javascript:alert(1)" in log
    lenient = build_site(project, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.stderr
    page = (tmp_path / "lenient" / "gongkai" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    for bad in ("<script", "<iframe", "onerror", "onclick", "onmouseover", "javascript", "evil.example"):
        assert bad not in article.lower()
    assert "正文第一段保留。" in article and "注释" in article


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src") and re.match(r"\s*(javascript|data|vbscript):", value or "", re.I):
                self.problems.append(f"<{tag} {name}={value}>")


def test_built_site_has_no_event_handlers_or_script_urls(built_site: Path):
    for page in built_site.rglob("*.html"):
        parser = _Attributes()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.problems == [], page
