"""网站地图: a page listing every section and page of the site, made from the navigation.

Government sites link a 网站地图 from the footer; it is generated, so a new report or law
appears in it without an edit. The page sits outside the navigation (the footer and the 404 page
link to it). Its list is written in on_page_context, when every page already has its final title.
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

SRC_URI = "site-map.md"
TITLE = "网站地图"
INTRO = f"# {TITLE}\n\n本站全部栏目和页面如下。\n"


def add_page(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated 网站地图 page (unless docs/ already has its own site-map.md)."""
    if files.get_file_from_path(SRC_URI) is None:
        files.append(File.generated(config, SRC_URI, content=INTRO, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def is_site_map(page: Page) -> bool:
    return page.file.src_uri == SRC_URI and page.file.generated_by is not None


def _link(page: Page, here: Page, title: str) -> str:
    href = get_relative_url(page.url or "./", here.url)
    return f'<a href="{escape(href)}">{escape(title)}</a>'


def _items(items: list, here: Page) -> str:
    rows = []
    for item in items:
        if isinstance(item, Page):
            rows.append(f"<li>{_link(item, here, item.title or '')}</li>")
        elif isinstance(item, Section):
            children = list(item.children)
            index = children[0] if children and isinstance(children[0], Page) and children[0].is_index else None
            head = _link(index, here, item.title) if index else escape(item.title)
            rest = children[1:] if index else children
            rows.append(f"<li>{head}{_items(rest, here) if rest else ''}</li>")
        elif isinstance(item, Link):
            rows.append(f'<li><a href="{escape(item.url)}">{escape(item.title)}</a></li>')
    return f"<ul>{''.join(rows)}</ul>"


def site_map_html(nav: Navigation, here: Page) -> str:
    """The navigation as nested lists, linked relative to the 网站地图 page."""
    return f'<div class="fz-site-map">{_items(nav.items, here)}</div>'
