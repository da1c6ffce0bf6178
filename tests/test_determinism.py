"""Two builds of one commit give byte-identical site trees, PDFs included.

The second build runs in a fresh copy of the project (with its git history, so last-updated
dates come from the same commits) and an empty PDF cache, so every PDF is rendered again
rather than copied from the first build's cache.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project

pytestmark = pytest.mark.build


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def pdf_hook_enabled() -> bool:
    return "hooks/pdf.py" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_two_builds_of_one_commit_are_byte_identical(built_site, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".git", project / ".git")
    result = build_site(project, tmp_path / "site", pdf=True)
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = digests(built_site), digests(tmp_path / "site")
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert differing == []
    assert "sitemap.xml.gz" in first
    if pdf_hook_enabled():
        assert {"pdf/reports/2024.pdf", "pdf/handbook.pdf"} <= first.keys()
