"""Navigation order: the site's top-level tabs in the order readers expect.

MkDocs orders auto-generated navigation alphabetically by file name (guide, handbook,
index, reports); the bureau wants 首页, 年度报告, 普法手册, then the staff guide. The order
is named by source paths in the fazhi plugin's `nav_order` option, so adding a year's
report or a law never needs a nav edit.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _first_src_uri(item) -> str:
    if isinstance(item, Page):
        return item.file.src_uri
    if isinstance(item, Section):
        return next((_first_src_uri(child) for child in item.children), "")
    return ""


def _rank(item, order: list[str]) -> int:
    src = _first_src_uri(item)
    for index, key in enumerate(order):
        if src == key or (key.endswith("/") and src.startswith(key)):
            return index
    return len(order)


def order_top_level(nav: Navigation, order: list[str]) -> Navigation:
    """Sort top-level items by `order` (file paths, or folders ending in '/'); others keep
    their relative order after the listed ones."""
    nav.items = sorted(nav.items, key=lambda item: _rank(item, order))
    relink(nav)
    return nav


def relink(nav: Navigation) -> None:
    """Rebuild the flat page list and previous/next links after items were moved."""
    pages: list[Page] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after
