"""The fazhi plugin's options in mkdocs.yml: one schema, so the build and `fazhi check` read the
same settings; the folders they name are asked of one home (fazhi.addresses) by every command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LAWS, ROOT, build_site, copy_project
from fazhi.project import ProjectFile
from fazhi.settings import SettingsError
from fazhi.site.config import check_project, load_project, validate


def test_the_repository_settings_are_valid_and_complete():
    project, warnings = load_project(ROOT)
    assert warnings == []
    settings = project.settings
    assert settings.handbook == "handbook" and settings.scheme_for("reports/2024.md", {}) == "gongwen"
    assert settings.scheme_for("handbook/x.md", {}) == "law"
    assert settings.scheme_for("reports/2024.md", {"numbering": "bufen"}) == "bufen"
    assert ProjectFile.read(ROOT).legacy_options == {}  # nothing left under extra.fazhi


@pytest.mark.parametrize("options, key, words", [
    ({"pdf": {"handbook_size": "B5"}}, "pdf", "B5"),
    ({"pdf": {"booklet_signature": 6}}, "pdf", "4 的倍数"),
    ({"numbering": {"reports/": "roman"}}, "numbering", "未知的编号方案 'roman'"),
    ({"nav_order": "index.md"}, "nav_order", "list"),
    ({"handbook": ["laws"]}, "handbook", "str"),
])
def test_a_wrong_value_names_its_key(options, key, words):
    with pytest.raises(SettingsError) as caught:
        validate(options)
    assert f"fazhi 插件的设置 {key} 有误" in str(caught.value) and words in str(caught.value)


def test_a_misspelt_key_is_reported_not_ignored():
    _, warnings = validate({"handbok": "laws", "pdf": {"law_sise": "A4"}})
    assert all("无法识别" in m for m in warnings)
    assert sorted(m.split("设置项 ")[1].split(" ")[0] for m in warnings) == ["handbok", "pdf.law_sise"]


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


def set_option(project: Path, line: str) -> None:
    """Add `line` (an option of the fazhi plugin) to the project's mkdocs.yml."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      bureau: ", f"      {line}\n      bureau: ", 1),
                                        encoding="utf-8")


@pytest.fixture
def moved(tmp_path) -> Path:
    """The project with its laws kept in laws/ instead of handbook/ (the plugin's handbook: laws)."""
    project = copy_project(tmp_path / "project", with_handbook=False)
    (project / "laws").mkdir()
    (project / "laws/handbook.yml").write_text(
        "title: 测试手册\ncategories:\n  殡葬管理:\n    - binzang-guanli-tiaoli\n", encoding="utf-8")
    shutil.copy(LAWS / "binzang-guanli-tiaoli.md", project / "laws/binzang-guanli-tiaoli.md")
    set_option(project, "handbook: laws")
    # A page links a law by its place in the site (handbook/), wherever its file is kept.
    with (project / "docs/index.md").open("a", encoding="utf-8") as page:
        page.write("\n[殡葬管理条例第一条](handbook/binzang-guanli-tiaoli.md#t1)\n")
    return project


def test_check_and_build_agree_when_the_handbook_lives_elsewhere(moved, tmp_path, monkeypatch):
    monkeypatch.chdir(moved)
    clean = check_project(moved)
    assert [str(d) for d in clean.diagnostics if d.level != "info"] == []
    assert clean.files == len(list((moved / "docs").rglob("*.md"))) + 1  # docs/ and the law in laws/
    built = build_site(moved, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/handbook/binzang-guanli-tiaoli/index.html").exists()
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert 'href="handbook/binzang-guanli-tiaoli/#t1"' in home

    (moved / "laws/handbook.yml").write_text(
        (moved / "laws/handbook.yml").read_text(encoding="utf-8") + "    - gone\n", encoding="utf-8")
    missing = [str(d) for d in check_project(moved).diagnostics]
    assert any("列出的“gone”在 laws/ 中找不到" in line for line in missing), missing  # the folder as staff keep it
    (moved / "laws/handbook.yml").write_text(
        (moved / "laws/handbook.yml").read_text(encoding="utf-8").replace("    - gone\n", ""), encoding="utf-8")
    (moved / "laws/ceshi-tiaoli.md").write_text(DUPLICATED, encoding="utf-8")
    with (moved / "laws/handbook.yml").open("a", encoding="utf-8") as placed:
        placed.write("    - ceshi-tiaoli\n")
    found = [str(d) for d in check_project(moved).diagnostics if d.level != "info"]
    assert any(line.startswith("laws/ceshi-tiaoli.md:13:") and "第二条" in line for line in found), found
    refused = build_site(moved, tmp_path / "site2")
    assert refused.returncode == 1
    assert "laws/ceshi-tiaoli.md:13" in refused.stderr and "第二条" in refused.stderr


def test_a_broken_link_to_a_moved_law_is_refused_by_both(moved, tmp_path, monkeypatch):
    with (moved / "docs/index.md").open("a", encoding="utf-8") as page:
        page.write("\n[不存在的法规](handbook/no-such-law.md)\n")
    monkeypatch.chdir(moved)
    found = [str(d) for d in check_project(moved).diagnostics if d.level != "info"]
    assert len(found) == 1 and found[0].startswith("docs/index.md:") and "handbook/no-such-law.md" in found[0]
    refused = build_site(moved, tmp_path / "site")
    assert refused.returncode == 1 and "no-such-law.md" in refused.stderr


def test_import_writes_a_law_into_the_configured_folder(moved, monkeypatch):
    pasted = moved / "pasted.txt"
    pasted.write_text("测试管理条例\n\n第一条 为了测试，制定本条例。\n\n第二条 本条例自公布之日起施行。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "fazhi", "import", "--law", str(pasted)], cwd=moved,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (moved / "laws").glob("*.md"))
    assert written == ["binzang-guanli-tiaoli.md", "ce-shi-guan-li-tiao-li.md"] and not (moved / "handbook").exists()


def test_a_wrong_setting_stops_check_and_build_with_the_same_words(moved, tmp_path, monkeypatch):
    config = (moved / "mkdocs.yml").read_text(encoding="utf-8")
    (moved / "mkdocs.yml").write_text(config.replace("handbook_size: A5", "handbook_size: B5"), encoding="utf-8")
    monkeypatch.chdir(moved)
    with pytest.raises(SettingsError) as caught:
        check_project(moved)
    assert "pdf" in str(caught.value) and "B5" in str(caught.value)
    built = build_site(moved, tmp_path / "site")
    assert built.returncode == 1 and "'fazhi'" in built.stderr and "pdf" in built.stderr and "B5" in built.stderr


def test_options_still_under_extra_fazhi_are_read_with_a_warning_naming_their_new_place(tmp_path, monkeypatch):
    """A mkdocs.yml from before the plugin: the options under extra.fazhi, the plugin named bare."""
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    head, options = config.split("  - fazhi:\n", 1)
    options, rest = options.split("\nextra:\n", 1)
    (project / "mkdocs.yml").write_text(
        f"{head}  - fazhi\n\nextra:\n{rest}  fazhi:\n" + "\n".join(line[2:] for line in options.splitlines()) + "\n",
        encoding="utf-8")
    monkeypatch.chdir(project)
    warnings = load_project(project)[1]
    assert warnings and all("extra.fazhi." in m and "plugins 下的 fazhi 插件" in m for m in warnings)
    assert any("extra.fazhi.bureau" in m for m in warnings)
    assert load_project(project)[0].settings.bureau == "东辽县民政局"
    read = build_site(project, tmp_path / "site", strict=False)
    assert read.returncode == 0 and "extra.fazhi.bureau" in read.stderr
    assert "东辽县民政局" in (tmp_path / "site/reports/2024/index.html").read_text(encoding="utf-8")
    assert build_site(project, tmp_path / "site2").returncode == 1  # a warning: the strict build refuses
