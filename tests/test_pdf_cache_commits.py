"""The PDF cache across commits, as the publishing server uses it (one FAZHI_CACHE_DIR for the
builds of every pushed commit): a commit that changes no printed text renders no PDF again;
one that changes a report renders that report again, and only it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import build_site, copy_project

pytestmark = pytest.mark.build


def commit(project: Path, message: str, epoch: int) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{epoch} +0800", "GIT_COMMITTER_DATE": f"@{epoch} +0800",
           "GIT_AUTHOR_NAME": "张三", "GIT_AUTHOR_EMAIL": "z@example.org",
           "GIT_COMMITTER_NAME": "张三", "GIT_COMMITTER_EMAIL": "z@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=project, env=env, check=True)


def pdf_build(project: Path, out: Path, cache: Path) -> tuple[int, int]:
    """Build with PDFs into `out`; (PDFs rendered, PDFs from the cache) as the build reports them."""
    done = build_site(project, out, pdf=True, env={"FAZHI_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": ""})
    assert done.returncode == 0, done.stderr[-3000:]
    found = re.search(r"PDF：(\d+)个文件，新生成(\d+)个、沿用缓存(\d+)个", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found[2]), int(found[3])


def test_pdfs_are_rendered_again_only_when_their_text_changes(tmp_path):
    project = copy_project(tmp_path / "project", with_handbook=False)
    subprocess.run(["git", "init", "-q", "."], cwd=project, check=True)
    commit(project, "第一版", 1767225600)
    cache = tmp_path / "cache"
    report = Path("pdf/reports/2024.pdf")

    rendered, _ = pdf_build(project, tmp_path / "one", cache)
    assert rendered >= 1 and (cache / "pdf").is_dir()

    with open(project / "docs" / "guide.md", "a", encoding="utf-8") as guide:
        guide.write("\n编辑指南的补充说明。\n")
    commit(project, "只改编辑指南", 1767312000)
    assert pdf_build(project, tmp_path / "two", cache) == (0, rendered)
    assert (tmp_path / "two" / report).read_bytes() == (tmp_path / "one" / report).read_bytes()

    with open(project / "docs" / "reports" / "2024.md", "a", encoding="utf-8") as text:
        text.write("\n特此报告。\n")
    commit(project, "修改2024年度报告", 1767398400)
    assert pdf_build(project, tmp_path / "three", cache) == (1, rendered - 1)
    assert (tmp_path / "three" / report).read_bytes() != (tmp_path / "two" / report).read_bytes()
