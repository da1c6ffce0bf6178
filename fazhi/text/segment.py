"""Chinese word segmentation: jieba behind one door, for search, comparison and print.

jieba's general dictionary takes 0.6 s to load (from jieba's cache file), so it is loaded once
per process and shared: every build of a `mkdocs serve` session reuses it, and so do the
新旧对照 word diff and print's title breaks. Domain tokenizers (fazhi.search.dictionary) start
from a copy of it instead of loading it again.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Iterable

import jieba

#: The tokenizer type, for annotations elsewhere (nothing else imports jieba).
Tokenizer = jieba.Tokenizer
_LOADING = threading.Lock()


def general_dictionary() -> Tokenizer:
    """jieba's general dictionary, loaded once per process. A caller arriving while
    `load_in_background` loads it waits for that load."""
    with _LOADING:
        return _general_dictionary()


@lru_cache(maxsize=1)
def _general_dictionary() -> Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def load_in_background() -> threading.Thread:
    """Load the general dictionary while `mkdocs serve` waits for an edit: a build that found
    every text in .cache/search did not need it, but the first edited text will (1 to 2 s)."""
    thread = threading.Thread(target=general_dictionary, name="jieba-dictionary", daemon=True)
    thread.start()
    return thread


def make_tokenizer(words: Iterable[str]) -> Tokenizer:
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


def cut(text: str) -> list[str]:
    """`text` in words of the general dictionary, without jieba's HMM guesses for unknown words."""
    return list(general_dictionary().cut(text, HMM=False))
