"""One 问答 or 以案释法 file as the build and `fazhi check` read it, and which articles cite it.

    ---
    title: 结婚登记要带哪些证件？
    类型: 问答            # or 以案释法; 问答 when left out
    依据:
      - 《婚姻登记条例》第五条
      - 民法典第一千零四十九条
    ---
    （the answer, in plain words; citations in it are linked too）

The front matter is read once more here, as YAML nodes, so each 依据 line keeps its file line
for messages. Nothing is checked here: the wenda extension reports (fazhi.wenda.extension).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from fazhi.addresses import WENDA, is_wenda_uri
from fazhi.law.citation import CitationError, Citations
from fazhi.text.frontmatter import split_front_matter

QUESTION, CASE = "问答", "以案释法"
GENRES = (QUESTION, CASE)
GENRE_KEY = "类型"
BASIS_KEY = "依据"


@dataclass(frozen=True)
class Basis:
    """One 依据 entry as written, and its line in the file."""

    text: str
    line: int


@dataclass(frozen=True)
class Question:
    #: The site path: wenda/<name>.md.
    uri: str
    title: str
    #: 问答 or 以案释法 as written (the extension warns about anything else).
    genre: str
    basis: tuple[Basis, ...]
    #: The Markdown after the front matter, and the file lines before it.
    body: str = ""
    body_offset: int = 0

    @property
    def is_case(self) -> bool:
        return self.genre == CASE


def read_question(text: str, uri: str) -> Question:
    """A question from its file's text (UTF-8, as decoded); a damaged front matter gives no 依据."""
    yaml_text, body, offset = split_front_matter(text)
    meta, basis = _meta(yaml_text)
    genre = str(meta.get(GENRE_KEY) or QUESTION).strip()
    return Question(uri, str(meta.get("title") or "").strip(), genre, basis, body, offset)


def _meta(yaml_text: str) -> tuple[Mapping, tuple[Basis, ...]]:
    """The front matter and its 依据 entries with their file lines (the YAML starts on line 2)."""
    try:
        node = yaml.compose(yaml_text) if yaml_text.strip() else None
        meta = yaml.safe_load(yaml_text) if node is not None else {}
    except yaml.YAMLError:
        return {}, ()
    if not isinstance(node, yaml.MappingNode) or not isinstance(meta, Mapping):
        return {}, ()
    value = next((v for k, v in node.value if k.value == BASIS_KEY), None)
    items = value.value if isinstance(value, yaml.SequenceNode) else [value] if value is not None else []
    basis = tuple(Basis(str(item.value).strip(), item.start_mark.line + 2) for item in items
                  if isinstance(item, yaml.ScalarNode) and str(item.value).strip())
    return meta, basis


def read_questions(folder: Path) -> list[Question]:
    """Every question file in the 问答 folder (docs/wenda/), by file name; none when it is absent."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.md")):
        uri = f"{WENDA}/{path.name}"
        if is_wenda_uri(uri):
            try:
                found.append(read_question(path.read_text(encoding="utf-8"), uri))
            except UnicodeDecodeError:  # the encoding check names the file and line
                continue
    return found


def genre_of(questions: Iterable[Question], uri: str) -> str:
    """问答 or 以案释法 for the page of a question (search ranks these answers first), else ''."""
    question = next((q for q in questions if q.uri == uri), None) if is_wenda_uri(uri) else None
    return (question.genre if question.genre in GENRES else QUESTION) if question else ""


def cited_articles(questions: Iterable[Question], citations: Citations) -> dict[str, dict[str, list[Question]]]:
    """Law page (handbook/<stem>.md) → article anchor (t23) → the questions citing it, in their
    order: by a 依据 entry or in the answer. Citations that do not resolve are left out (the
    question's own page reports them)."""
    found: dict[str, dict[str, list[Question]]] = {}
    for question in questions:
        texts = [b.text for b in question.basis] + [question.body]
        for citation in (c for text in texts for c in citations.find(text)):
            try:
                target = citations.resolve(citation)
            except CitationError:
                continue
            if target.article is None:
                continue
            cited = found.setdefault(target.law.src_uri, {}).setdefault(target.article.anchor, [])
            if question not in cited:
                cited.append(question)
    return found
