"""Release folders, the `current` link, pruning and the push messages' page addresses, without
git hooks or nginx (tests/test_publish.py does the whole push)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest
from conftest import ROOT

from fazhi.addresses import Addresses
from fazhi.publish import releases
from fazhi.publish.build import _readable
from fazhi.publish.publisher import page_path
from fazhi.publish.releases import Commit

START = datetime(2026, 11, 30, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def release(site, n: int, text: str) -> releases.Release:
    built = site / f"build-{n}"
    built.mkdir(parents=True)
    (built / "index.html").write_text(text, encoding="utf-8")
    commit = Commit(f"{n:02d}" + "a" * 38, "2026-11-30T10:00:00+08:00", "张三", f"第{n}次修改")
    return releases.install(site, built, commit, now=START + timedelta(minutes=n))


def test_switch_points_current_at_a_release_with_a_relative_link(tmp_path):
    first, second = release(tmp_path, 1, "一"), release(tmp_path, 2, "二")
    releases.switch(tmp_path, first)
    releases.switch(tmp_path, second)
    link = tmp_path / "current"
    assert os.readlink(link) == f"releases/{second.name}"
    assert (link / "index.html").read_text(encoding="utf-8") == "二"
    assert releases.live(tmp_path).commit == second.commit
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".current")] == []


def test_names_sort_by_time_and_a_release_is_found_by_name_start_or_commit(tmp_path):
    first, second = release(tmp_path, 1, "一"), release(tmp_path, 2, "二")
    assert first.name == f"20261130-100100-{first.commit.short}"
    assert [r.name for r in releases.list_releases(tmp_path)] == [second.name, first.name]
    assert releases.find(tmp_path, first.name) == first
    assert releases.find(tmp_path, "02aaa") == second
    assert releases.find(tmp_path, "20261130") is None  # both match: ambiguous
    assert releases.find(tmp_path, "19990101") is None


def test_prune_keeps_the_newest_and_never_the_live_one(tmp_path):
    made = [release(tmp_path, n, str(n)) for n in range(1, 6)]
    releases.switch(tmp_path, made[0])  # rolled back to the oldest
    removed = releases.prune(tmp_path, 2)
    assert sorted(removed) == [made[1].name, made[2].name]
    assert {r.name for r in releases.list_releases(tmp_path)} == {made[4].name, made[3].name, made[0].name}
    assert releases.live(tmp_path).name == made[0].name


@pytest.mark.parametrize("source, page", [
    ("docs/index.md", ""),
    ("docs/guide.md", "guide/"),
    ("docs/reports/2024.md", "reports/2024/"),
    ("docs/reports/index.md", "reports/"),
    ("handbook/binzang-guanli-tiaoli.md", "handbook/binzang-guanli-tiaoli/"),
    ("handbook/falv/cishan-fa.md", "handbook/cishan-fa/"),
    ("handbook/README.md", None),
    ("handbook/handbook.yml", None),
    ("docs/assets/fazhi.css", None),
])
def test_changed_sources_are_named_by_their_page_address(source, page):
    assert page_path(source, Addresses(ROOT)) == page


@pytest.mark.parametrize("line, shown", [
    ("WARNING -  fazhi: handbook/x.md:61:1: warning: 第九条重复（第59行已有第九条）",
     "handbook/x.md:61:1: warning: 第九条重复（第59行已有第九条）"),
    ("WARNING -  Doc file 'index.md' contains a link 'x.md', but the target is not found.",
     "警告：Doc file 'index.md' contains a link 'x.md', but the target is not found."),
    ("ERROR    -  Config value 'theme': Unrecognised theme name", "错误：Config value 'theme': Unrecognised theme name"),
])
def test_build_lines_are_shown_like_fazhi_check_says_them(line, shown):
    assert _readable(line) == shown
