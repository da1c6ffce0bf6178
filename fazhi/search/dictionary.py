"""The domain dictionary: civil-affairs terms, law names and the handbook's own headings.

jieba's general dictionary splits 宪法宣传周 or 特困人员 and glues 利用微|信群; search keys
made from such pieces read wrong in pinyin and initials. Curated words live in `terms.txt`
and `aliases.yml`; law titles, their short names and 章/节 headings come from the built
handbook pages, so a new law brings its own words without a code change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

import jieba
import yaml

from fazhi.text.numerals import NUMERAL_CHARS

STATE_PREFIX = "中华人民共和国"
_HAN_ONLY = re.compile(r"^[\u3400-\u9fff]{2,12}$")
_UNIT_PREFIX = re.compile(rf"^第[{NUMERAL_CHARS}\d]+[编章节]\s*")
_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")


@lru_cache(maxsize=1)
def curated_terms() -> tuple[str, ...]:
    """Words from terms.txt, in file order."""
    text = resources.files(__package__).joinpath("terms.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@lru_cache(maxsize=1)
def _curated_aliases() -> dict[str, tuple[str, ...]]:
    text = resources.files(__package__).joinpath("aliases.yml").read_text(encoding="utf-8")
    return {title: tuple(names) for title, names in (yaml.safe_load(text) or {}).items()}


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Reader's word → the texts' word (低保 → 最低生活保障), from synonyms.yml."""
    text = resources.files(__package__).joinpath("synonyms.yml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in (yaml.safe_load(text) or {}).items()}


def law_names(title: str) -> list[str]:
    """The title first, then the names readers use for it: 中华人民共和国反家庭暴力法 →
    反家庭暴力法, 反家暴法."""
    names = [title]
    if title.startswith(STATE_PREFIX) and len(title) > len(STATE_PREFIX):
        names.append(title[len(STATE_PREFIX):])
    for name in _curated_aliases().get(title, ()):
        if name not in names:
            names.append(name)
    return names


def heading_term(heading: str) -> str | None:
    """A 章/节 heading as a dictionary word: 第二章 殡葬设施管理 → 殡葬设施管理.

    Only short, purely Chinese headings qualify; sentences from the report do not.
    """
    word = _UNIT_PREFIX.sub("", heading).strip()
    return word if _HAN_ONLY.match(word) else None


@lru_cache(maxsize=1)
def general_dictionary() -> jieba.Tokenizer:
    """jieba's general dictionary, loaded once per process (0.6 s from jieba's cache file):
    every build of a `mkdocs serve` session reuses it, and so does print (title breaks)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def make_tokenizer(words: Iterable[str]) -> jieba.Tokenizer:
    """A private jieba tokenizer that keeps every domain word whole.

    A separate instance leaves the global jieba untouched. It starts from a copy of the
    general dictionary's prefix table (what `initialize` would load again) plus the domain words.
    """
    general = general_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(general.FREQ), general.total, True
    for word in dict.fromkeys(words):
        tokenizer.add_word(word)
        tokenizer.suggest_freq(word, tune=True)
    return tokenizer


class Segmenter:
    """The domain tokenizer of one dictionary, remembering the words it found in each text.

    `segmenter` keeps one alive while the dictionary stays the same, so a `mkdocs serve`
    rebuild after editing one law segments only the texts that changed.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        self.tokenizer = make_tokenizer(words)
        self._found: dict[str, tuple[str, ...]] = {}
        self._found_before: dict[str, tuple[str, ...]] = {}

    def cut(self, text: str) -> list[str]:
        return list(self.tokenizer.cut(text, HMM=False))

    def words(self, text: str) -> tuple[str, ...]:
        """Distinct Chinese words of two or more characters in `text`, in order."""
        found = self._found.get(text)
        if found is None:
            found = self._found_before.get(text)
            if found is None:
                found = tuple(dict.fromkeys(w for w in self.cut(text) if _WORD.match(w)))
            self._found[text] = found
        return found

    def inner_words(self, word: str) -> tuple[str, ...]:
        """The word and the dictionary words inside it (行政处罚法 → 行政, 处罚, 行政处罚法), as
        jieba's search mode cuts it: pinyin typed for a part (xingzheng chufa) finds the whole."""
        return tuple(dict.fromkeys(w for w in self.tokenizer.cut_for_search(word, HMM=False) if _WORD.match(w)))

    def start_build(self) -> None:
        """Keep only what the previous build found, so a long serve session does not pile up old texts."""
        self._found_before, self._found = self._found, {}


@lru_cache(maxsize=1)
def segmenter(words: tuple[str, ...]) -> Segmenter:
    """The segmenter of this dictionary: the last one again if the words are unchanged."""
    return Segmenter(words)
