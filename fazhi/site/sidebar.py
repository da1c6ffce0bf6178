"""A handbook sidebar that grows with the current law's category, not with the handbook.

Material renders the whole navigation tree into every page (the mobile drawer holds all
tabs). With 991 texts a law page was 419 KB, 383 KB of it 1,015 navigation links, and the
site grew with the square of the handbook. Past `LIMIT` laws, each page gets its own copy
of the navigation in which the handbook lists its categories as links to the index page
(which lists every law) and, in the current law's category, only its neighbours.
"""

from __future__ import annotations

import copy

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from fazhi.site.handbook import NAV_TITLE

#: Laws in the handbook up to which the sidebar lists them all.
LIMIT = 60
#: Laws listed on either side of the current one in its category.
NEIGHBOURS = 5


def bounded_nav(nav: Navigation, page: Page) -> Navigation:
    """The navigation to render on `page`: the site's own while the handbook is small."""
    handbook = next((item for item in nav.items if isinstance(item, Section) and item.title == NAV_TITLE), None)
    if handbook is None or sum(_count(c) for c in handbook.children if isinstance(c, Section)) <= LIMIT:
        return nav
    index = next((c for c in handbook.children if isinstance(c, Page)), None)
    bounded = copy.copy(nav)
    bounded.items = [_bounded(handbook, index, page) if item is handbook else item for item in nav.items]
    return bounded


def _bounded(handbook: Section, index: Page | None, page: Page) -> Section:
    children: list = [index] if index else []
    for category in handbook.children:
        if not isinstance(category, Section):
            continue
        if page in category.children:
            children.append(_window(category, page, index))
        elif index is not None:
            children.append(Link(f"{category.title}（{_count(category)} 部）", index.url))
    section = Section(handbook.title, children)
    section.active = handbook.active
    return section


def _window(category: Section, page: Page, index: Page | None) -> Section:
    """The current law with its NEIGHBOURS on each side, and a link to all when some are left out."""
    laws = category.children
    at = laws.index(page)
    shown = laws[max(0, at - NEIGHBOURS):at + NEIGHBOURS + 1]
    if len(shown) < len(laws) and index is not None:
        shown = [*shown, Link(f"本类全部 {len(laws)} 部", index.url)]
    window = Section(category.title, shown)
    window.active = True
    return window


def _count(category: Section) -> int:
    return sum(isinstance(c, Page) for c in category.children)
