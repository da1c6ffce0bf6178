"""MkDocs side of 新旧对照: a generated page per pair of versions, and links to it.

The page handbook/<newer stem>/duizhao/ is a File.generated (like the law pages of
fazhi.site.handbook); its table is made from the two law files at page-content time, so
`mkdocs serve` shows an edit of either version. Its stylesheet and script come from the
fazhi.compare package (the `fazhi compare` command inlines the same files).
"""

from __future__ import annotations

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from fazhi.addresses import law_page
from fazhi.compare import html
from fazhi.compare.pairs import Pair

ASSETS = "assets"
#: Comparison pages rank after the laws' own articles in search (fazhi.search.index reads it).
SEARCH_BOOST = 0.1


def page_markdown(pair: Pair) -> str:
    """The generated page source: the title only (the compare step adds the table); no
    table-of-contents column, so the two text columns get the width."""
    return (f"---\ntitle: {html.page_title(pair.new.title)}\nnumbering: none\nhide:\n  - toc\n"
            f"search:\n  boost: {SEARCH_BOOST}\n---\n\n# {html.page_title(pair.new.title)}\n")


def mount(files: Files, config: MkDocsConfig, pairs: list[Pair]) -> Files:
    """One page per pair, and the stylesheet and script every page links."""
    for pair in pairs:
        files.append(File.generated(config, pair.src_uri, content=page_markdown(pair)))
    for name in (html.STYLESHEET, html.SCRIPT):
        if files.get_file_from_path(f"{ASSETS}/{name}") is None:
            content = resources.files("fazhi.compare").joinpath(name).read_text(encoding="utf-8")
            files.append(File.generated(config, f"{ASSETS}/{name}", content=content))
    return files


def law_links(pairs: list[Pair], law_stem: str, law_src_uri: str) -> list[tuple[str, str]]:
    """(text, href) of every comparison the law `law_stem` takes part in: links to the page's
    source, relative to the law's source, so MkDocs resolves and checks them like any link."""
    return [(f"{p.old.year_label}文本与{p.new.year_label}文本", get_relative_url(p.src_uri, law_src_uri))
            for p in pairs if law_stem in (p.old.stem, p.new.stem)]


def article_link(pair: Pair, page: str):
    """href maker for the table: each side's article on its own law page."""
    def link(side: str, anchor: str) -> str:
        stem = pair.old.stem if side == "old" else pair.new.stem
        return get_relative_url(law_page(stem), page) + (f"#{anchor}" if anchor else "")
    return link
