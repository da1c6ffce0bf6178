"""Pinyin keys for titles, headings and law names, so readers can type hunyin dengji or hydj.

A key lists words separated by spaces, each word's syllables joined by an apostrophe:
婚姻登记条例 → "hun'yin deng'ji tiao'li". The search worker matches full syllables or
their first letters, starting at a word, so hydj finds 婚姻登记 but not the middle of a word.
Words come from the domain tokenizer and go to pypinyin one by one, so its phrase
dictionary picks the right reading of polyphones (重大 zhong, 银行 hang, 行政 xing).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from pypinyin import Style, lazy_pinyin

_HAN = re.compile(r"[\u3400-\u9fff]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
WORD_SEPARATOR = " "
SYLLABLE_SEPARATOR = "'"
KEY_SEPARATOR = "|"


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str | None:
    """Syllables of one segmented word (ü written v, as on a keyboard); None for punctuation.
    Remembered: the same words recur in every text and every `mkdocs serve` rebuild."""
    if _HAN.search(word):
        syllables = lazy_pinyin(word, style=Style.NORMAL, v_to_u=False, errors="ignore")
        return SYLLABLE_SEPARATOR.join(s.replace("ü", "v") for s in syllables if s) or None
    ascii_words = _ASCII_WORD.findall(unicodedata.normalize("NFKC", word).lower())
    return SYLLABLE_SEPARATOR.join(ascii_words) or None


def pinyin_key(words: Iterable[str]) -> str:
    """The key of a text already cut into words."""
    return WORD_SEPARATOR.join(key for key in map(word_key, words) if key)


def join_keys(keys: Iterable[str]) -> str:
    """Several keys of one document, in the order of its names (the worker maps a match
    back to the name's characters); matches never span two keys."""
    return KEY_SEPARATOR.join(keys)
