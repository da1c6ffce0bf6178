"""MkDocs side of the 问答 (fazhi.wenda): their list page and their place in the navigation."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from fazhi.addresses import WENDA, WENDA_INDEX
from fazhi.law.citation import CitationError, Citations
from fazhi.law.handbook import Handbook
from fazhi.wenda.index_page import TITLE, index_markdown
from fazhi.wenda.question import GENRES, Question


def mount(files: Files, config: MkDocsConfig, questions: list[Question], bureau: str, book: Handbook) -> Files:
    """The generated list of the 问答 at wenda/, when there are any and staff wrote no index.md."""
    if questions and files.get_file_from_path(WENDA_INDEX) is None:
        citations = Citations(book)

        def labels(text: str) -> list[str]:
            found = []
            for citation in citations.find(text):
                try:
                    found.append(citations.resolve(citation).label)
                except CitationError:  # the question's own page reports it
                    continue
            return found

        files.append(File.generated(config, WENDA_INDEX, content=index_markdown(questions, bureau, labels)))
    return files


def arrange_nav(nav: Navigation, questions: list[Question]) -> Navigation:
    """Name the folder's section 普法问答: its list first, then 问答 before 以案释法, as the list orders them."""
    section = next((item for item in nav.items if isinstance(item, Section) and any(
        isinstance(c, Page) and c.file.src_uri.startswith(f"{WENDA}/") for c in item.children)), None)
    if section is None:
        return nav
    place = {q.uri: (1 + (GENRES.index(q.genre) if q.genre in GENRES else 0), i) for i, q in enumerate(questions)}

    def key(item) -> tuple[int, int]:
        uri = item.file.src_uri if isinstance(item, Page) else ""
        return (0, 0) if uri == WENDA_INDEX else place.get(uri, (len(GENRES) + 1, 0))

    section.title = TITLE
    section.children.sort(key=key)
    return nav
