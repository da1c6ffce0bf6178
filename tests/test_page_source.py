"""Where a page comes from: its git last-updated date (also in a shallow CI clone) and its edit link."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import build_site, copy_project

COMMIT_DATE = "2025-03-04T10:00:00+08:00"


def _git(*args: str, cwd, env) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=120)


@pytest.mark.build
def test_shallow_github_actions_clone_builds_strictly_with_commit_dates(tmp_path):
    """GitHub Actions checks out one commit; the date plugin's warning about it must not fail --strict."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    origin = copy_project(tmp_path / "origin")
    _git("init", "-q", "-b", "main", cwd=origin, env=env)
    _git("add", ".", cwd=origin, env=env)
    _git("commit", "-q", "-m", "site", cwd=origin, env=env)
    _git("clone", "-q", "--depth", "1", f"file://{origin}", str(tmp_path / "clone"), cwd=tmp_path, env=env)

    # SOURCE_DATE_EPOCH of another day: the dates shown must come from git, not from it.
    result = build_site(tmp_path / "clone", tmp_path / "site", env={"GITHUB_ACTIONS": "true", "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    assert "shallow git fetch depth" in result.stderr  # the plugin did notice the shallow clone
    page = (tmp_path / "site/reports/2024/index.html").read_text(encoding="utf-8")
    assert 'git-revision-date-localized-plugin-date" title="2025年3月4日' in page
    assert ">2025年3月4日</span>" in page
    law = (tmp_path / "site/handbook/cishan-fa/index.html").read_text(encoding="utf-8")  # mounted by a hook
    assert ">2025年3月4日</span>" in law


@pytest.mark.build
def test_outside_git_the_date_is_source_date_epoch_not_the_clock(tmp_path):
    project = copy_project(tmp_path / "project", with_handbook=False)
    result = build_site(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": "1741053600"})  # 2025-03-04 10:00 +08
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/reports/2024/index.html").read_text(encoding="utf-8")
    assert 'git-revision-date-localized-plugin-date" title="2025年3月4日 10:00:00 CST">2025年3月4日</span>' in page


@pytest.mark.build
def test_edit_links_point_at_the_source_files_when_configured(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("use_directory_urls: true\n",
                                   "use_directory_urls: true\nrepo_url: https://git.test/bureau/fazhi\nedit_uri: edit/main/docs/\n", 1),
                      encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "site/reports/2024/index.html").read_text(encoding="utf-8")
    law = (tmp_path / "site/handbook/cishan-fa/index.html").read_text(encoding="utf-8")
    assert 'href="https://git.test/bureau/fazhi/edit/main/docs/reports/2024.md"' in report
    assert 'href="https://git.test/bureau/fazhi/edit/main/handbook/cishan-fa.md"' in law
