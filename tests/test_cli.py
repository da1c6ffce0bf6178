"""The `fazhi` command as staff run it (`python -m fazhi` in a subprocess): help, exit codes,
and the path from a Word file to a published page in two commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from conftest import ROOT, SEED, build_site, copy_project


def fazhi(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "fazhi", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_help_is_in_chinese():
    result = fazhi("--help")
    assert result.returncode == 0
    assert "用法：fazhi" in result.stdout and "检查 Markdown 文件" in result.stdout and "按模板新建" in result.stdout


def test_check_of_the_bundled_content_passes():
    result = fazhi("check")
    assert result.returncode == 0, result.stderr
    assert re.search(r"检查了 \d+ 个文件：0 个错误，0 个警告", result.stderr)


def test_check_exit_codes(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    reports = tmp_path / "docs/reports"
    reports.mkdir(parents=True)
    (reports / "2025.md").write_text("---\ntitle: 报告\n署名: 某局\n成文日期: 2026年1月2日\n---\n正文\t。\n", encoding="utf-8")
    warned = fazhi("check", cwd=tmp_path)
    assert warned.returncode == 1  # a warning fails the publish build, so it fails the check
    assert "docs/reports/2025.md:6:3: warning: 含制表符（Tab）：请改用空格或删除" in warned.stderr
    (reports / "2025.md").write_text("---\ntitle: 报告\n---\n正文。\n", encoding="utf-8")
    failed = fazhi("check", "docs/reports/2025.md", cwd=tmp_path)
    assert failed.returncode == 1
    assert "docs/reports/2025.md:1:1: error: 缺少前置信息“署名”" in failed.stderr
    assert fazhi("check", "docs/nothing.md", cwd=tmp_path).returncode == 1


def _word_report(path: Path) -> Path:
    document = docx.Document()
    for text in ["东辽县民政局2025年度", "法治政府建设报告", "县委、县政府：", "\u3000\u3000现报告如下：",
                 "一、主要举措和成效", "（一）加强学习。全年学习12次。", "二、存在的不足和原因", "宣传不够。",
                 "东辽县民政局", "2026年1月20日"]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.mark.build
def test_from_word_to_published_page_and_new_report(tmp_path):
    project = copy_project(tmp_path / "project", with_handbook=False)
    imported = fazhi("import", str(_word_report(tmp_path / "报告.docx")), cwd=project)
    assert imported.returncode == 0, imported.stderr
    assert "已写入 " in imported.stderr and (project / "docs/reports/2025.md").exists()
    again = fazhi("import", str(tmp_path / "报告.docx"), cwd=project)
    assert again.returncode == 1 and "文件已存在" in again.stderr

    created = fazhi("new-report", "2026", cwd=project)
    assert created.returncode == 0, created.stderr
    assert fazhi("new-report", "2026", cwd=project).returncode == 1
    template = fazhi("check", "docs/reports/2026.md", cwd=project)
    assert template.returncode == 1 and "模板提示文字“【请填写】”尚未替换为正文" in template.stderr
    # Staff fill it in: the prompts become text and the date gets its day; then it publishes.
    filled = project / "docs/reports/2026.md"
    text = filled.read_text(encoding="utf-8").replace("【请填写】", "已填写的正文")
    filled.write_text(re.sub(r"(成文日期: \d+年\d+月)\u3000日", r"\g<1>20日", text), encoding="utf-8")
    assert fazhi("check", "docs/reports/2026.md", cwd=project).returncode == 0

    parts = tmp_path / "2023.txt"  # a report whose top level is 第一部分, in GBK as Notepad saves it
    parts.write_bytes("某局2023年度报告\n第一部分　主要成效\n一、学法\n（一）集中学习。每月一次。\n第二部分　存在问题\n某局\n2024年1月2日\n".encode("gbk"))
    assert fazhi("import", str(parts), cwd=project).returncode == 0

    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    bufen = (tmp_path / "site/reports/2023/index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<h[234][^>]*><span class="fz-num">([^<]*)</span>([^<]*)</h', bufen)
    assert [(n.strip(), t) for n, t in shown] == [
        ("第一部分", "主要成效"), ("一、", "学法"), ("（一）", "集中学习。"), ("第二部分", "存在问题")]
    page = (tmp_path / "site/reports/2025/index.html").read_text(encoding="utf-8")
    assert '<h1 class="fz-title">东辽县民政局2025年度法治政府建设报告</h1>' in page
    assert re.search(r'<h2[^>]*><span class="fz-num">二、</span>存在的不足和原因</h2>', page)
    assert "git-revision-date-localized-plugin" in page  # last-updated date, even outside git

    template = (tmp_path / "site/reports/2026/index.html").read_text(encoding="utf-8")
    parts = re.findall(r'<h2[^>]*><span class="fz-num">([^<]*)</span>([^<]*)</h2>', template)
    assert [number for number, _ in parts] == ["一、", "二、", "三、", "四、", "五、"]
    assert [title for _, title in parts] == [
        "2026年度推进法治政府建设的主要举措和成效",
        "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        "2026年度推进法治政府建设存在的不足和原因",
        "2027年度推进法治政府建设的主要安排",
        "其他需要报告的情况",
    ]
    archive = (tmp_path / "site/reports/index.html").read_text(encoding="utf-8")
    years = re.findall(r"(\d{4})年度</td>", archive)
    assert years == ["2026", "2025", "2024", "2023"]


def test_import_law_reports_continuity(tmp_path):
    law = tmp_path / "条例.txt"
    law.write_text("某条例\n（2020年1月1日发布）\n第一章　总　则\n第一条　甲。\n第三条　乙。\n", encoding="gbk")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = fazhi("import", "--law", str(law), "-o", "out.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "已导入《某条例》，共2条" in result.stderr
    written = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert written.endswith("## 第一章 总 则\n\n第一条　甲。\n\n第三条　乙。\n")
    line = written.split("\n").index("第三条　乙。") + 1
    assert f"out.md:{line}:1: warning: 第一条之后应为第二条，实为第三条（缺少第二条）" in result.stderr


def test_import_refuses_doc_and_broken_docx_with_a_chinese_message(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "旧报告.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word file")
    (tmp_path / "改名.docx").write_bytes(b"\xd0\xcf\x11\xe0 old word file")
    old = fazhi("import", "旧报告.doc", cwd=tmp_path)
    assert old.returncode == 1
    assert "只能导入 .docx 或 .txt 文件（.doc 和 .wps 请先在 Word/WPS 中“另存为” .docx）" in old.stderr
    renamed = fazhi("import", "改名.docx", cwd=tmp_path)
    assert renamed.returncode == 1 and "Traceback" not in renamed.stderr
    assert "不是有效的 .docx 文件" in renamed.stderr


def test_usage_errors_are_in_chinese():
    wrong = fazhi("frobnicate")
    assert wrong.returncode == 2
    assert "fazhi: 错误：没有“frobnicate”这个命令，可用：import, check, new-report, new-wenda, compare, publish, releases, rollback" in wrong.stderr
    year = fazhi("new-report", "明年")
    assert year.returncode == 2 and "年份 应为整数，而不是“明年”" in year.stderr


def test_new_wenda_makes_a_question_file_that_check_holds_back(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    made = fazhi("new-wenda", "结婚登记要带哪些证件？", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    path = tmp_path / "docs" / "wenda" / "jie-hun-deng-ji-yao-dai-na-xie-zheng-jian.md"
    assert path.is_file() and "已新建" in made.stderr
    assert fazhi("new-wenda", "结婚登记要带哪些证件？", cwd=tmp_path).returncode == 1  # never overwritten
    checked = fazhi("check", "docs/wenda", cwd=tmp_path)
    assert checked.returncode == 1 and "模板提示文字“【请填写】”尚未替换为正文" in checked.stderr
