"""extra.fazhi in mkdocs.yml: one schema, so the build and `fazhi check` read the same settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import LAWS, ROOT, build_site, copy_project
from fazhi.check import run
from fazhi.check.runner import load_config
from fazhi.settings import Settings, SettingsError


def test_the_repository_settings_are_valid_and_complete():
    settings = Settings.from_extra(load_config(ROOT)["extra"])
    assert settings.unknown_keys == ()
    assert settings.handbook == "handbook" and settings.scheme_for("reports/2024.md", {}) == "gongwen"
    assert settings.scheme_for("handbook/x.md", {}) == "law"
    assert settings.scheme_for("reports/2024.md", {"numbering": "bufen"}) == "bufen"


@pytest.mark.parametrize("extra, key, words", [
    ({"pdf": {"handbook_size": "B5"}}, "extra.fazhi.pdf", "B5"),
    ({"pdf": {"booklet_signature": 6}}, "extra.fazhi.pdf", "4 的倍数"),
    ({"numbering": {"reports/": "roman"}}, "extra.fazhi.numbering", "未知的编号方案 'roman'"),
    ({"nav_order": "index.md"}, "extra.fazhi.nav_order", "list"),
    ({"handbook": ["laws"]}, "extra.fazhi.handbook", "str"),
])
def test_a_wrong_value_names_its_key(extra, key, words):
    with pytest.raises(SettingsError) as caught:
        Settings.from_extra({"fazhi": extra})
    assert key in str(caught.value) and words in str(caught.value)


def test_a_misspelt_key_is_reported_not_ignored():
    settings = Settings.from_extra({"fazhi": {"handbok": "laws", "pdf": {"law_sise": "A4"}}})
    assert sorted(settings.unknown_keys) == ["handbok", "pdf.law_sise"]
    assert all("无法识别" in m for m in settings.unknown_key_messages())


DUPLICATED = """---
title: 测试条例
level: 行政法规
status: current
---

# 测试条例

第一条 为了测试，制定本条例。

第二条 甲。

第二条 乙。

第三条 本条例自公布之日起施行。
"""


@pytest.fixture
def moved(tmp_path) -> Path:
    """The project with its laws kept in laws/ instead of handbook/ (extra.fazhi.handbook: laws)."""
    project = copy_project(tmp_path / "project", with_handbook=False)
    (project / "laws").mkdir()
    (project / "laws/handbook.yml").write_text(
        "title: 测试手册\ncategories:\n  殡葬管理:\n    - binzang-guanli-tiaoli\n", encoding="utf-8")
    shutil.copy(LAWS / "binzang-guanli-tiaoli.md", project / "laws/binzang-guanli-tiaoli.md")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("    bureau: ", "    handbook: laws\n    bureau: ", 1),
                                        encoding="utf-8")
    return project


def test_check_and_build_agree_when_the_handbook_lives_elsewhere(moved, tmp_path, monkeypatch):
    monkeypatch.chdir(moved)
    clean = run([], root=moved)
    assert [str(d) for d in clean.diagnostics if d.level != "info"] == []
    assert clean.files == len(list((moved / "docs").rglob("*.md"))) + 1  # docs/ and the law in laws/
    built = build_site(moved, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/handbook/binzang-guanli-tiaoli/index.html").exists()

    (moved / "laws/handbook.yml").write_text(
        (moved / "laws/handbook.yml").read_text(encoding="utf-8") + "    - gone\n", encoding="utf-8")
    missing = [str(d) for d in run([], root=moved).diagnostics]
    assert any("列出的“gone”在 laws/ 中找不到" in line for line in missing), missing  # the folder as staff keep it
    (moved / "laws/handbook.yml").write_text(
        (moved / "laws/handbook.yml").read_text(encoding="utf-8").replace("    - gone\n", ""), encoding="utf-8")
    (moved / "laws/ceshi-tiaoli.md").write_text(DUPLICATED, encoding="utf-8")
    with (moved / "laws/handbook.yml").open("a", encoding="utf-8") as placed:
        placed.write("    - ceshi-tiaoli\n")
    found = [str(d) for d in run([], root=moved).diagnostics if d.level != "info"]
    assert any(line.startswith("laws/ceshi-tiaoli.md:13:") and "第二条" in line for line in found), found
    refused = build_site(moved, tmp_path / "site2")
    assert refused.returncode == 1
    assert "laws/ceshi-tiaoli.md:13" in refused.stderr and "第二条" in refused.stderr


def test_a_wrong_setting_stops_check_and_build_with_the_same_words(moved, tmp_path, monkeypatch):
    config = (moved / "mkdocs.yml").read_text(encoding="utf-8")
    (moved / "mkdocs.yml").write_text(config.replace("handbook_size: A5", "handbook_size: B5"), encoding="utf-8")
    monkeypatch.chdir(moved)
    with pytest.raises(SettingsError, match="extra.fazhi.pdf"):
        run([], root=moved)
    built = build_site(moved, tmp_path / "site")
    assert built.returncode == 1 and "extra.fazhi.pdf" in built.stderr and "B5" in built.stderr
