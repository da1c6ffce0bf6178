"""`fazhi check`: each check on a bad sample file, with the exact message a user sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import LAWS, ROOT
from fazhi.site.config import check_project

REPORT_HEAD = "---\ntitle: 某局2025年度报告\n署名: 某局\n成文日期: 2026年1月2日\n---\n"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """An empty project with the real mkdocs.yml (for the numbering defaults); cwd is its folder."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs/reports").mkdir(parents=True)
    (tmp_path / "handbook").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(project: Path, name: str, content: str | bytes) -> list[str]:
    path = project / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    # The handbook's own note that a new law is not yet placed in handbook.yml is not under test here.
    return [str(d) for d in check_project(project, [path]).diagnostics if "handbook.yml" not in d.message]


def test_bundled_content_has_no_errors_or_warnings(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = check_project(ROOT)
    assert result.files >= 14
    assert [str(d) for d in result.diagnostics if d.level != "info"] == []


def test_gbk_file(project):
    found = check(project, "docs/reports/2025.md", (REPORT_HEAD + "正文。\n").encode("gbk"))
    assert found == [
        "docs/reports/2025.md:1:1: error: 文件不是 UTF-8 编码（看起来是 GBK/GB18030 编码）；运行 fazhi check --fix 可自动转换，"
        "或在记事本/WPS 中“另存为”并选择 UTF-8 编码"
    ]


def test_invalid_utf8_that_is_not_chinese(project):
    found = check(project, "docs/a.md", b"---\ntitle: a\n---\n\xff\xfe\xfa broken \x80\n")
    assert len(found) == 1 and found[0].startswith("docs/a.md:1:1: error: 文件不是 UTF-8 编码")


def test_fix_rewrites_gbk_bom_and_crlf_as_utf8(project):
    text = REPORT_HEAD + "正文。\n"
    (project / "docs/reports/2025.md").write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    (project / "docs/reports/2024.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = check_project(project, [project / "docs"], fix=True)
    assert sorted(result.fixed) == ["docs/reports/2024.md", "docs/reports/2025.md"]
    assert (project / "docs/reports/2025.md").read_text(encoding="utf-8") == text
    assert (project / "docs/reports/2024.md").read_bytes() == text.encode("utf-8")
    assert [d for d in result.diagnostics if d.level != "info"] == []


def test_bom_crlf_and_tabs(project):
    content = b"\xef\xbb\xbf" + (REPORT_HEAD + "正文\t一。\n\n\t缩进。\n").replace("\n", "\r\n").encode("utf-8")
    assert check(project, "docs/reports/2025.md", content) == [
        "docs/reports/2025.md:1:1: warning: 文件开头有 BOM（字节顺序标记），可能使前置信息失效；运行 fazhi check --fix 可自动转换",
        "docs/reports/2025.md:1:1: warning: 文件使用 Windows 换行符（CRLF，共8行）；运行 fazhi check --fix 可自动转换",
        "docs/reports/2025.md:6:3: warning: 含制表符（Tab）：请改用空格或删除",
        "docs/reports/2025.md:8:1: warning: 含制表符（Tab）：行首的制表符会使段落变成代码块",
    ]


def test_missing_front_matter_of_a_report_and_a_law(project):
    assert check(project, "docs/reports/2025.md", "---\ntitle: 报告\n署名: 某局\n---\n正文。\n") == [
        "docs/reports/2025.md:1:1: error: 缺少前置信息“成文日期”（年度报告必须写明：title、署名、成文日期）"
    ]
    law = "---\ntitle: 某条例\nlevel: 行政法规\n---\n# 某条例\n\n第一条 内容。\n"
    assert check(project, "handbook/mou.md", law) == [
        "handbook/mou.md:1:1: error: 缺少前置信息“status”（法律法规必须写明：title、level、status）"
    ]


def test_broken_front_matter_yaml(project):
    found = check(project, "docs/reports/2025.md", "---\ntitle: [报告\n---\n正文。\n")
    assert len(found) == 1 and found[0].startswith("docs/reports/2025.md:")
    assert "error: 前置信息（文件开头两行 --- 之间）不是有效的 YAML" in found[0]


def test_manual_number_not_matching_position_and_skipped_level(project):
    body = "## 一、主要成效\n\n### （二）加强学习。\n\n正文。\n\n## 存在问题\n\n#### 细项\n"
    assert check(project, "docs/reports/2025.md", REPORT_HEAD + body) == [
        "docs/reports/2025.md:6:4: info: 标题里手写了编号“一、”；编号由系统按位置自动生成，建议删去",
        "docs/reports/2025.md:8:1: warning: 标题“（二）加强学习。”手写的编号“（二）”与位置不符，按位置应为“（一）”；已去掉手写编号并自动编号",
        "docs/reports/2025.md:8:5: info: 标题里手写了编号“（二）”；编号由系统按位置自动生成，建议删去",
        "docs/reports/2025.md:14:1: warning: 标题层级跳级：4级标题“细项”之前缺少3级标题",
    ]


def test_half_width_markers(project):
    body = "(一)加强学习。\n\n1、建立制度。\n\n一.规范执法。\n\n（一）正确的全角。\n"
    assert check(project, "docs/reports/2025.md", REPORT_HEAD + body) == [
        "docs/reports/2025.md:6:1: warning: 序号“(一)”的标点不规范，应为“（一）”",
        "docs/reports/2025.md:8:1: warning: 序号“1、”的标点不规范，应为“1.”",
        "docs/reports/2025.md:10:1: warning: 序号“一.”的标点不规范，应为“一、”",
    ]


def test_half_width_items_in_a_law_and_in_an_administrative_regulation(project):
    head = "---\ntitle: 某法\nlevel: {}\nstatus: current\n---\n# 某法\n\n<!-- INFO END -->\n\n"
    body = "第一条 下列事项：\n\n(一)甲；\n\n（二）乙。\n"
    assert check(project, "handbook/fa.md", head.format("法律") + body) == [
        "handbook/fa.md:12:1: warning: 序号“(一)”的标点不规范，应为“（一）”"
    ]
    # Another title: two current texts of one title would be a warning of their own.
    assert check(project, "handbook/tiaoli.md", head.format("行政法规").replace("某法", "某条例") + body) == [
        "handbook/tiaoli.md:12:1: info: 序号“(一)”的标点不规范，应为“（一）”（行政法规来源原样保留，网页上显示为全角）"
    ]


def test_article_gap_duplicate_and_missing_citation(project):
    head = "---\ntitle: 某法\nlevel: 法律\nstatus: current\n---\n# 某法\n\n<!-- INFO END -->\n\n"
    body = "第一条 总则。\n\n第二条 依照本法第九条处理。\n\n第二条 重复。\n\n第四条 跳过了第三条。\n"
    found = check(project, "handbook/fa.md", head.format() + body)
    assert "handbook/fa.md:12:1: warning: 引用的第九条在本法规中不存在，未生成链接" in found
    assert any(line.startswith("handbook/fa.md:14:1: warning: 第二条重复") for line in found), found
    assert any(line.startswith("handbook/fa.md:16:1: warning:") and "应为第三条，实为第四条" in line for line in found), found


def test_broken_internal_link(project):
    (project / "docs/reports/2024.md").write_text(REPORT_HEAD + "正文。\n", encoding="utf-8")
    body = "见[上年报告](2024.md)、[不存在](2023.md#yi)和[外站](https://flk.npc.gov.cn)。\n\n[手册](../handbook/index.md)\n"
    assert check(project, "docs/reports/2025.md", REPORT_HEAD + body) == [
        "docs/reports/2025.md:6:18: error: 链接目标“2023.md#yi”不存在"
    ]


def test_handbook_law_copy_checks_clean(project):
    shutil.copy(LAWS / "cishan-fa.md", project / "handbook/cishan-fa.md")
    assert [line for line in check(project, "handbook/cishan-fa.md", (LAWS / "cishan-fa.md").read_bytes()) if ": info:" not in line] == []


@pytest.mark.build
def test_build_reports_file_checks_and_refuses_gbk(tmp_path):
    """The build runs the file-level checks: a tab fails --strict; a GBK report or law stops the build with advice."""
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    report = project / "docs/reports/2024.md"
    report.write_text(report.read_text(encoding="utf-8").replace("充分利用微信群", "充分利用\t微信群", 1), encoding="utf-8")
    law = project / "handbook/cishan-fa.md"
    law.write_text(law.read_text(encoding="utf-8").replace("慈善活动，保护", "慈善活动，\t保护", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert "reports/2024.md:14:5: warning: 含制表符（Tab）：请改用空格或删除" in result.stderr
    assert result.stderr.count("handbook/cishan-fa.md:38:28: warning: 含制表符（Tab）：请改用空格或删除") == 1
    report.write_bytes(report.read_text(encoding="utf-8").encode("gbk"))
    law.write_bytes(law.read_text(encoding="utf-8").encode("gbk"))
    result = build_site(project, tmp_path / "site2")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "reports/2024.md、handbook/cishan-fa.md 不是 UTF-8 编码，无法构建；请先运行 fazhi check --fix" in result.stderr


def test_new_report_template_lists_what_is_left_to_fill(project):
    from fazhi.report.new import create

    create(project / "docs", 2025, "某局")
    found = [str(d) for d in check_project(project, [project / "docs/reports/2025.md"]).diagnostics]
    assert found[0] == "docs/reports/2025.md:5:1: warning: 成文日期“2026年1月\u3000日”不完整，应写成“2025年1月26日”的形式"
    assert found[1] == "docs/reports/2025.md:8:1: warning: 模板提示文字“【请填写】”尚未替换为正文"
    assert len(found) == 11 and all(": warning: " in line for line in found)


def test_raw_html_outside_the_allow_list(project):
    page = "---\ntitle: 测试\n---\n# 测试\n\n正文<script>alert(1)</script>。\n"
    assert check(project, "docs/t.md", page) == [
        "docs/t.md:6:3: error: 不允许的 HTML 标签 <script>：已从网页中删除（允许的标签见 fazhi/sanitize.py）"
    ]
