"""Zero-width characters: `fazhi check` names each one, `fazhi check --fix` removes them only."""

from __future__ import annotations

import shutil

from conftest import LAWS, ROOT
from test_cli import fazhi

LAW = ("---\ntitle: 零宽测试条例\nlevel: 行政法规\nstatus: current\narticle_count: 2\n---\n# 零宽测试条例\n\n<!-- INFO END -->\n\n"
       "\u200b\n第一条 甲\u200b乙。\n\n\ufeff第二条 丙\u2002丁\u3000戊\u00a0己。\n")


def project(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "handbook").mkdir()
    path = tmp_path / "handbook" / "lingkuan.md"
    path.write_bytes(LAW.encode("utf-8"))
    return path


def test_check_names_every_zero_width_character_and_passes(tmp_path):
    project(tmp_path)
    result = fazhi("check", "-v", "handbook/lingkuan.md", cwd=tmp_path)
    lines = [line for line in result.stderr.splitlines() if "零宽" in line]
    assert lines == [
        "handbook/lingkuan.md:11:1: info: 含零宽空格（U+200B）：看不见也不影响条文结构，运行 fazhi check --fix 可删除",
        "handbook/lingkuan.md:12:6: info: 含零宽空格（U+200B）：看不见也不影响条文结构，运行 fazhi check --fix 可删除",
        "handbook/lingkuan.md:14:1: info: 含零宽不换行空格/BOM（U+FEFF）：看不见也不影响条文结构，运行 fazhi check --fix 可删除",
    ], result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr  # notes: the build passes too


def test_fix_removes_zero_width_characters_and_changes_nothing_else(tmp_path):
    path = project(tmp_path)
    result = fazhi("check", "--fix", "handbook/lingkuan.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = LAW.replace("\u200b", "").replace("\ufeff", "")
    # Spacing characters (U+2002, U+3000, U+00A0) are text, not zero-width: they stay.
    assert path.read_bytes() == expected.encode("utf-8")
    assert "已改存为 UTF-8（无 BOM、无零宽字符，LF 换行）" in result.stderr
    assert "零宽" not in fazhi("check", "-v", "handbook/lingkuan.md", cwd=tmp_path).stderr


def test_the_real_text_with_a_lone_zero_width_space_is_named(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "handbook").mkdir()
    shutil.copy(LAWS / "weichengnianren-baohu-fa.md", tmp_path / "handbook")
    lines = (LAWS / "weichengnianren-baohu-fa.md").read_text(encoding="utf-8").split("\n")
    where = next(i for i, line in enumerate(lines, 1) if "\u200b" in line)
    result = fazhi("check", "-v", "handbook", cwd=tmp_path)
    assert f"handbook/weichengnianren-baohu-fa.md:{where}:1: info: 含零宽空格（U+200B）" in result.stderr
