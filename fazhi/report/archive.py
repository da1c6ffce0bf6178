"""The yearly report archive: every docs/reports/<year>.md, newest first.

Adding a year is adding one file: the list is derived from the files and their front
matter, never kept by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from fazhi.site.nav import relink

from fazhi.pdf.paths import enabled as pdf_enabled, pdf_path

REPORT_FILE = re.compile(r"^reports/(?P<year>\d{4})\.md$")
LIST_MARKER = "<!-- fazhi:reports-list -->"
INDEX_SRC_URI = "reports/index.md"
NAV_TITLE = "年度报告"


@dataclass(frozen=True)
class ReportEntry:
    year: int
    title: str
    date: str
    url: str


def entries(files: Iterable[tuple[str, str, Mapping[str, Any]]]) -> list[ReportEntry]:
    """Report entries from (src_uri, url, meta) triples, newest year first."""
    found = []
    for src_uri, url, meta in files:
        match = REPORT_FILE.match(src_uri)
        if match:
            year = int(match["year"])
            found.append(ReportEntry(year, str(meta.get("title") or f"{year}年度报告"), str(meta.get("成文日期") or ""), url))
    return sorted(found, key=lambda e: e.year, reverse=True)


def list_markdown(reports: list[ReportEntry], base: str = "", site_root: str = "../") -> str:
    """A Markdown table of the archive; links are relative to the reports index page."""
    if not reports:
        return "暂无年度报告。"
    pdf = pdf_enabled()  # FAZHI_PDF=0 builds have no PDFs to link to
    rows = ["| 年度 | 报告 | 成文日期 |" + (" PDF |" if pdf else ""), "| --- | --- | --- |" + (" --- |" if pdf else "")]
    for entry in reports:
        # Raw HTML: the PDF is written after the build, so MkDocs' link check cannot see it.
        link = f' <a href="{site_root}{pdf_path(f"reports/{entry.year}.md")}">下载</a> |' if pdf else ""
        rows.append(f"| {entry.year}年度 | [{entry.title}]({base}{entry.year}.md) | {entry.date} |{link}")
    return "\n".join(rows)


def arrange_nav(nav: Navigation) -> Navigation:
    """Name the reports section 年度报告 and list its index first, then the newest year."""
    for section in nav.items:
        if not isinstance(section, Section):
            continue
        pages = [c for c in section.children if isinstance(c, Page)]
        index = [p for p in pages if p.file.src_uri == INDEX_SRC_URI]
        if index:
            years = sorted((p for p in pages if p not in index), key=lambda p: p.file.src_uri, reverse=True)
            section.children = index + years + [c for c in section.children if not isinstance(c, Page)]
            section.title = NAV_TITLE
    relink(nav)
    return nav
