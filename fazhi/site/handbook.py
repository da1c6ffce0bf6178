"""MkDocs side of the handbook: mount handbook/ into the site, and its navigation.

The law files stay in their folder (never copied into docs/): each becomes a File that
pretends to live at docs/handbook/<stem>.md (fazhi.addresses) and reads the real file, so
`mkdocs serve` shows edits and diagnostics cite the file as staff keep it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from fazhi.addresses import HANDBOOK_INDEX
from fazhi.site.nav import relink
from fazhi.law.handbook import HISTORY, Handbook, LawEntry
from fazhi.law.index_page import index_markdown
from fazhi.law.meta import Version

NAV_TITLE = "普法手册"


def mount(files: Files, config: MkDocsConfig, book: Handbook) -> Files:
    """Add the handbook index and one page per law to the site's files."""
    for law in book.laws:
        files.append(File.generated(config, law.src_uri, abs_src_path=str(law.src)))
    if files.get_file_from_path(HANDBOOK_INDEX) is None:
        files.append(File.generated(config, HANDBOOK_INDEX, content=index_markdown(book)))
    return files


def versions(book: Handbook, src_uri: str) -> tuple[Version, ...]:
    """The other versions of the law at `src_uri`, as its page links to them (oldest first)."""
    law = next((law for law in book.laws if law.src_uri == src_uri), None)
    if law is None:
        return ()
    return tuple(Version(f"{v.stem}.md", v.date, not v.superseded) for v in book.versions_of(law))


def arrange_nav(nav: Navigation, book: Handbook) -> Navigation:
    """Name the handbook section 普法手册 and group its pages by category, 历史文本 last."""
    section = next((item for item in nav.items if _holds(item, HANDBOOK_INDEX)), None)
    if section is None:
        return nav
    pages = {child.file.src_uri: child for child in section.children if isinstance(child, Page)}
    children: list = [pages[HANDBOOK_INDEX]] if HANDBOOK_INDEX in pages else []
    groups = [(c.name, c.laws) for c in book.categories] + ([(HISTORY, book.history)] if book.history else [])
    for name, laws in groups:
        present = [law for law in laws if law.src_uri in pages]
        if present:
            group = Section(name, [pages[law.src_uri] for law in present])
            for law in present:
                pages[law.src_uri].parent = group
                # Sets the page title for good (weak_property): the sidebar, tab and <title>.
                pages[law.src_uri].title = law_title(law)
            children.append(group)
    section.title = NAV_TITLE
    section.children = children
    for child in children:
        child.parent = section
    relink(nav)
    return nav


def law_title(law: LawEntry) -> str:
    """Short title for the sidebar and browser tab; a superseded text says so in it."""
    return f"{law.short_title}（{HISTORY}）" if law.superseded else law.short_title


def _holds(item, src_uri: str) -> bool:
    return isinstance(item, Section) and any(isinstance(c, Page) and c.file.src_uri == src_uri for c in item.children)
