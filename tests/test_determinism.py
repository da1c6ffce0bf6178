"""Two builds of one commit give byte-identical site trees, PDFs included.

Both builds start from one snapshot of the sources (so an edit made meanwhile in the working
tree cannot differ between them), in two different folders, each with its git history (the
last-updated dates come from the same commits) and an empty PDF cache, so every PDF is
rendered twice rather than copied from a cache, and no path of the checkout may leak into
the output.
"""

from __future__ import annotations

import hashlib
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project

pytestmark = pytest.mark.build


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    first = copy_project(tmp_path / "first")
    shutil.copytree(ROOT / ".git", first / ".git")
    second = tmp_path / "second-checkout"
    shutil.copytree(first, second)
    # The two builds run side by side (one per core): independent processes, so any output that
    # depends on timing, ordering or memory addresses differs between them.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda project: build_site(project, project / "site-out", pdf=True), (first, second)))
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    one, two = (digests(project / "site-out") for project in (first, second))
    differing = sorted(name for name in one.keys() | two.keys() if one.get(name) != two.get(name))
    assert differing == []
    assert "sitemap.xml.gz" in one and "search/search_index.json" in one
    assert {"pdf/reports/2024.pdf", "pdf/handbook.pdf", "pdf/handbook-booklet.pdf"} <= one.keys()
