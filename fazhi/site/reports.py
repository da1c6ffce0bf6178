"""MkDocs side of the yearly reports: their section of the navigation."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from fazhi.addresses import REPORTS_INDEX
from fazhi.site.nav import relink

NAV_TITLE = "年度报告"


def arrange_nav(nav: Navigation) -> Navigation:
    """Name the reports section 年度报告 and list its index first, then the newest year."""
    for section in nav.items:
        if not isinstance(section, Section):
            continue
        pages = [c for c in section.children if isinstance(c, Page)]
        index = [p for p in pages if p.file.src_uri == REPORTS_INDEX]
        if index:
            years = sorted((p for p in pages if p not in index), key=lambda p: p.file.src_uri, reverse=True)
            section.children = index + years + [c for c in section.children if not isinstance(c, Page)]
            section.title = NAV_TITLE
    relink(nav)
    return nav
