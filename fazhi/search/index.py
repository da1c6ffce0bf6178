"""Build the search index that the fazhi search worker reads.

Material writes `search/search_index.json` as {config, docs}; its page script hands both to
the worker unchanged, and its page highlighter reads `config.separator`. We keep Material's
config and replace the docs with ours (`SearchDocument`, without their text, runs of articles
compacted; a page whose front matter sets `search: {boost: x}`, Material's key, gives its
documents "boost": x, which scales their score: 新旧对照 pages 0.1, after the laws themselves),
written in parts by fazhi.search.parts (`config.parts` says how many), and
`config.words`: the words (2+ characters) jieba finds in the site with the domain
dictionary, space-separated; the worker cuts a query typed without spaces into them when
the whole query is not found (婚姻登记程序 → 婚姻登记 程序); `config.synonyms`: words
readers type for the texts' own words (低保 → [最低生活保障]); `config.questions`: question
words (怎么办 → words an answering article has), left out of what a question looks for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from fazhi.contract import parse_unit_anchor
from fazhi.law.names import law_names
from fazhi.search.dictionary import (Segmenter, curated_terms, heading_term, question_words, segmenter,
                                      synonyms)
from fazhi.search.document import SearchDocument
from fazhi.search.extract import Block, split_page
from fazhi.search.parts import compact_articles, write_parts
from fazhi.search.pinyin import join_keys, pinyin_key

INDEX_PATH = Path("search") / "search_index.json"


@dataclass
class PageEntry:
    url: str
    title: str
    blocks: list[Block]
    #: Title and short names when the page is a law text (it has article blocks).
    law: list[str]
    status: str
    #: Front matter `search.boost` (Material's key): scales the page's hits; 1 leaves them be.
    boost: float = 1.0
    #: 问答 or 以案释法 for a page the bureau wrote to answer a question (fazhi.wenda), else ''.
    genre: str = ""


class IndexBuilder:
    """Collects pages during the build; writes the index once all pages are known."""

    def __init__(self) -> None:
        #: By URL, so a page built again (`mkdocs serve --dirty`) replaces its old entry.
        self.pages: dict[str, PageEntry] = {}

    def add_page(self, url: str, title: str, html: str, meta: Mapping[str, Any], *, genre: str = "") -> None:
        if (meta.get("search") or {}).get("exclude"):
            return
        blocks = split_page(html, title)
        is_law = any(block.article for block in blocks)
        law = law_names(str(meta.get("title") or title)) if is_law else []
        boost = float((meta.get("search") or {}).get("boost") or 1)
        self.pages[url] = PageEntry(url, title, blocks, law, str(meta.get("status") or ""), boost, genre)

    def dictionary_words(self) -> list[str]:
        """Curated terms, then every law's names and its 章/节 headings."""
        words = list(curated_terms())
        for page in self.pages.values():
            words.extend(page.law)
            if page.law:
                words.extend(t for b in page.blocks[1:] if not b.article and (t := heading_term(b.bare_title)))
        return list(dict.fromkeys(words))

    def documents(self, segments: Segmenter, *, pinyin: bool = True) -> list[SearchDocument]:
        """The docs list of the index, pages in build order, blocks in page order."""
        docs: list[SearchDocument] = []
        for page in self.pages.values():
            for block in page.blocks:
                docs.append(self._document(page, block, segments, pinyin))
        return docs

    def _document(self, page: PageEntry, block: Block, segments: Segmenter, pinyin: bool) -> SearchDocument:
        location = page.url if block.anchor is None else f"{page.url}#{block.anchor}"
        doc = self._fields(page, block, location, segments, pinyin)
        if page.boost != 1:
            doc["boost"] = page.boost
        return doc

    def _fields(self, page: PageEntry, block: Block, location: str, segments: Segmenter,
                pinyin: bool) -> SearchDocument:
        doc: SearchDocument
        if block.article:
            doc = {"location": location, "article": block.article}
            if unit := parse_unit_anchor(block.anchor or ""):
                doc["n"] = unit.article_key
            doc["text"] = block.text
            return doc
        doc = {"location": location, "title": block.title, "text": block.text}
        if block.number and block.title.startswith(block.number):
            doc["num"] = block.number
        if block.anchor is None and page.genre:
            doc["genre"] = page.genre
        if block.anchor is None and page.law:
            doc["law"] = page.law
            if page.status and page.status != "current":
                doc["status"] = page.status
        if pinyin:
            names = page.law if block.anchor is None and page.law else [block.bare_title]
            doc["pinyin"] = join_keys(pinyin_key(segments.cut(name)) for name in names)
        return doc

    def vocabulary(self, segments: Segmenter) -> list[str]:
        """Distinct Chinese words of two or more characters in all titles and texts."""
        words: set[str] = set()
        for page in self.pages.values():
            for block in page.blocks:
                words.update(segments.words(block.bare_title))
                words.update(segments.words(block.text))
        return sorted(words)

    def write(self, site_dir: Path, *, pinyin: bool = True, store: Path | None = None) -> dict[str, Any]:
        """Replace the docs of Material's index in `site_dir` and write the parts; returns the index
        written. `store`: where segmentation is kept between builds (the project's .cache/search)."""
        path = site_dir / INDEX_PATH
        index = json.loads(path.read_text(encoding="utf-8"))
        segments = segmenter(tuple(self.dictionary_words()))
        segments.start_build()
        if store is not None:
            segments.load(store)
        words = self.vocabulary(segments)
        docs = self.documents(segments, pinyin=pinyin)
        index["config"]["words"] = " ".join(words)
        index["config"]["synonyms"] = {word: list(forms) for word, forms in synonyms().items()}
        index["config"]["questions"] = {word: list(cues) for word, cues in question_words().items()}
        spoken = dict.fromkeys(inner for word in words for inner in segments.inner_words(word))
        index["config"]["parts"] = write_parts(site_dir, docs, spoken)
        index["docs"] = compact_articles(docs)
        if store is not None:
            segments.save(store)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return index
