"""The domain dictionary: civil-affairs terms, law names and the handbook's own headings.

jieba's general dictionary splits 宪法宣传周 or 特困人员 and glues 利用微|信群; search keys
made from such pieces read wrong in pinyin and initials. Curated words live in `terms.txt`;
law titles, their short names (`fazhi.law.names`) and 章/节 headings come from the built
handbook pages, so a new law brings its own words without a code change. Readers' words
(`synonyms.yml`) and question words (`questions.yml`) go to the search worker as they are.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

import yaml

from fazhi.text.numerals import NUMERAL_CHARS
from fazhi.text.segment import Tokenizer, make_tokenizer

_HAN_ONLY = re.compile(r"^[\u3400-\u9fff]{2,12}$")
_UNIT_PREFIX = re.compile(rf"^第[{NUMERAL_CHARS}\d]+[编章节]\s*")
_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")


@lru_cache(maxsize=1)
def curated_terms() -> tuple[str, ...]:
    """Words from terms.txt, in file order."""
    text = resources.files(__package__).joinpath("terms.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def _read_mapping(name: str) -> dict[str, tuple[str, ...]]:
    """A YAML file of this package mapping words to a word or a list of words."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    found = yaml.safe_load(text) or {}
    return {str(k): tuple(map(str, v)) if isinstance(v, list) else (str(v),) for k, v in found.items()}


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Reader's word → the texts' words (低保 → 最低生活保障; 孩子 → 未成年人, 子女), from synonyms.yml."""
    return _read_mapping("synonyms.yml")


@lru_cache(maxsize=1)
def question_words() -> dict[str, tuple[str, ...]]:
    """Question words (怎么办, 多久, 吗) → words an answering article usually has, from questions.yml."""
    return _read_mapping("questions.yml")


def heading_term(heading: str) -> str | None:
    """A 章/节 heading as a dictionary word: 第二章 殡葬设施管理 → 殡葬设施管理.

    Only short, purely Chinese headings qualify; sentences from the report do not.
    """
    word = _UNIT_PREFIX.sub("", heading).strip()
    return word if _HAN_ONLY.match(word) else None


class Segmenter:
    """The domain tokenizer of one dictionary, remembering what it found in each text.

    `segmenter` keeps one alive while the dictionary stays the same, so a `mkdocs serve`
    rebuild after editing one law segments only the texts that changed; `load` and `save`
    keep the same across builds in the project's .cache/search, so a build whose texts and
    dictionary are unchanged never loads jieba's dictionary (1 to 2 s) nor segments anything.
    """

    KINDS = ("words", "cuts", "inner")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.dictionary = words
        self.digest = hashlib.sha1("\n".join(words).encode()).hexdigest()
        self._tokenizer: Tokenizer | None = None
        #: Results used in this build, and those known from the previous build or the store.
        self._now: dict[str, dict[str, list[str]]] = {kind: {} for kind in self.KINDS}
        self._known: dict[str, dict[str, list[str]]] = {kind: {} for kind in self.KINDS}

    @property
    def tokenizer(self) -> Tokenizer:
        """Made on first use only."""
        if self._tokenizer is None:
            self._tokenizer = make_tokenizer(self.dictionary)
        return self._tokenizer

    def _remember(self, kind: str, key: str, make: Callable[[], list[str]]) -> list[str]:
        found = self._now[kind].get(key)
        if found is None:
            found = self._known[kind].get(key)
            self._now[kind][key] = found = make() if found is None else found
        return found

    def cut(self, text: str) -> list[str]:
        return self._remember("cuts", text, lambda: list(self.tokenizer.cut(text, HMM=False)))

    def words(self, text: str) -> tuple[str, ...]:
        """Distinct Chinese words of two or more characters in `text`, in order."""
        key = hashlib.sha1(text.encode()).hexdigest()
        return tuple(self._remember("words", key, lambda: list(dict.fromkeys(
            w for w in self.tokenizer.cut(text, HMM=False) if _WORD.match(w)))))

    def inner_words(self, word: str) -> tuple[str, ...]:
        """The word and the dictionary words inside it (行政处罚法 → 行政, 处罚, 行政处罚法), as
        jieba's search mode cuts it: pinyin typed for a part (xingzheng chufa) finds the whole."""
        return tuple(self._remember("inner", word, lambda: list(dict.fromkeys(
            w for w in self.tokenizer.cut_for_search(word, HMM=False) if _WORD.match(w)))))

    def start_build(self) -> None:
        """Keep only what the previous build used, so a long serve session does not pile up old texts."""
        for kind in self.KINDS:
            if self._now[kind]:
                self._known[kind], self._now[kind] = self._now[kind], {}

    def load(self, store: Path) -> None:
        """Take what an earlier build with this dictionary found (nothing when there is none)."""
        path = store / f"{self.digest}.json"
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for kind in self.KINDS:
            self._known[kind] = {**saved.get(kind, {}), **self._known[kind]}

    def save(self, store: Path) -> None:
        """Keep what this build used, under this dictionary's name; older dictionaries' files go."""
        store.mkdir(parents=True, exist_ok=True)
        for old in store.glob("*.json"):
            old.unlink()
        data = json.dumps(self._now, ensure_ascii=False, separators=(",", ":"))
        (store / f"{self.digest}.json").write_text(data, encoding="utf-8")


@lru_cache(maxsize=1)
def segmenter(words: tuple[str, ...]) -> Segmenter:
    """The segmenter of this dictionary: the last one again if the words are unchanged."""
    return Segmenter(words)
