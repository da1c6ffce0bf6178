"""The fazhi plugin: its steps' order, state kept on one object across rebuilds, and the same site
from MkDocs 1.6 and from ProperDocs (its maintained drop-in)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT, build_site
from fazhi.site import plugin as fazhi_plugin
from fazhi.site.plugin import STEPS, FazhiPlugin
from fazhi.site.steps.checks import CheckStep
from fazhi.site.steps.compare import CompareStep
from fazhi.site.steps.handbook import HandbookStep
from fazhi.site.steps.navigation import NavigationStep
from fazhi.site.steps.pages import PageStep
from fazhi.site.steps.pdf import PdfStep
from fazhi.site.steps.public_site import PublicSiteStep
from fazhi.site.steps.reports import ReportStep
from fazhi.site.steps.search import SearchStep
from fazhi.site.steps.sources import SourceStep
from fazhi.site.steps.wenda import WendaStep

EVENTS = ("on_config", "on_pre_build", "on_files", "on_nav", "on_env", "on_page_markdown", "on_page_content",
          "on_page_context", "on_post_build")


def order(event: str) -> list[type]:
    """The steps that handle `event`, in the order the plugin calls them."""
    return [step for step in STEPS if hasattr(step, event)]


def before(event: str, first: type, then: type) -> bool:
    steps = order(event)
    return steps.index(first) < steps.index(then)


def test_every_step_is_listed_once_and_handles_some_event():
    assert len(set(STEPS)) == len(STEPS)
    assert all(any(hasattr(step, event) for event in EVENTS) for step in STEPS)


def test_the_checks_come_before_anything_reads_the_sources():
    assert order("on_files")[0] is CheckStep


def test_pages_see_the_handbook_mounted_and_the_staff_pages_go_last():
    assert before("on_files", HandbookStep, CompareStep)  # pairs of the mounted laws
    assert before("on_files", HandbookStep, SourceStep)  # mounted law pages get dates and edit links
    assert order("on_files")[-1] is PublicSiteStep
    assert before("on_files", WendaStep, PublicSiteStep)  # the 网站地图 lists the 问答's list


def test_search_and_print_take_the_html_readers_see():
    """The 新旧对照 table and the 公文 head join a page before search indexes it and print takes
    it; print goes last, so its 打印/下载PDF bar is in neither the index nor the PDF."""
    content = order("on_page_content")
    assert content.index(PageStep) < content.index(CompareStep)
    for changer in (CompareStep, ReportStep):
        assert content.index(changer) < content.index(SearchStep) < content.index(PdfStep)
    assert content[-1] is PdfStep


def test_the_navigation_is_ordered_after_each_section_arranged_itself():
    assert before("on_nav", HandbookStep, NavigationStep) and before("on_nav", ReportStep, NavigationStep)
    assert before("on_nav", WendaStep, NavigationStep)


def test_every_event_runs_late_among_the_plugins():
    """After Material's search (whose index SearchStep empties) and the git date plugin (whose
    dates SourceStep completes), wherever fazhi stands in mkdocs.yml's plugins list."""
    for event in EVENTS:
        assert getattr(getattr(FazhiPlugin, event), "mkdocs_priority") == fazhi_plugin.LATE < 0


def test_the_plugin_hands_each_value_through_its_steps_in_order(monkeypatch):
    seen = []

    class First:
        def __init__(self, build):
            pass

        def on_page_content(self, html, page, config, files):
            seen.append("first")
            return html + "1"

    class Second(First):
        def on_page_content(self, html, page, config, files):
            seen.append("second")
            return html + "2"

    monkeypatch.setattr(fazhi_plugin, "STEPS", (First, Second))
    plugin = FazhiPlugin()
    plugin.on_startup(command="build", dirty=False)
    assert plugin.on_page_content("<p>x</p>", page=None, config=None, files=None) == "<p>x</p>12"
    assert seen == ["first", "second"]


def test_one_plugin_object_for_the_whole_process():
    """MkDocs keeps a plugin that defines on_startup across the rebuilds of `mkdocs serve`
    (each rebuild loads mkdocs.yml again): the steps' state stays warm."""
    first = load_config(str(ROOT / "mkdocs.yml")).plugins["fazhi"]
    second = load_config(str(ROOT / "mkdocs.yml")).plugins["fazhi"]
    assert isinstance(first, FazhiPlugin) and first is second


GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    """ProperDocs continues MkDocs 1.x: the same sources give the same files, byte for byte, but
    for the generator meta tag that names the engine."""
    env = {"SOURCE_DATE_EPOCH": "1764000000"}
    built = build_site(ROOT, tmp_path / "mkdocs", env=env)
    assert built.returncode == 0, built.stderr
    cmd = [str(Path(sys.executable).with_name("properdocs")), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
           "-d", str(tmp_path / "properdocs")]
    other = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAZHI_PDF": "0", **env},
                           capture_output=True, text=True, timeout=900)
    assert other.returncode == 0, other.stderr
    ours, theirs = site_files(tmp_path / "mkdocs"), site_files(tmp_path / "properdocs")
    assert sorted(ours) == sorted(theirs) and len(ours) > 40
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing, "the generator tag names each engine"
    for name in differing:
        assert GENERATOR.sub("", ours[name].decode()) == GENERATOR.sub("", theirs[name].decode()), name
    assert b"ProperDocs" in theirs["index.html"] and b"mkdocs-1.6" in ours["index.html"]
