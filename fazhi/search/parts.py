"""Write the search index in parts, so a reader's first query does not fetch the whole handbook.

At 3,600 articles the whole index is 330 KB gzip, and a 法规库 of 991 texts would be 5 MB,
all fetched before the first result. Instead:

- `search/search_index.json` (Material fetches it when a page opens) keeps what every query
  needs and is small: titles, headings, law names, pinyin keys of titles, the dictionary of
  words, synonyms, and the article numbers. Runs of articles numbered in order
  (第一条, 第二条 … anchored t1, t2 …) are written as one string "1-120".
- `search/parts/p<i>.json`, the postings: for every pair of adjacent characters in a
  document's text (as the worker matches it: NFKC, lower case, no spaces between Han
  characters), the documents holding it, as gaps between ascending document numbers. A
  term's documents are those holding all its pairs; the worker fetches only the shards of
  the pairs it needs. Keys "=xingzheng" give the site's words with that pinyin (行政), so
  pinyin typed by a reader also finds body text.
- `search/parts/t<i>.json`, the texts: consecutive documents' texts, fetched for the
  documents a query ranks first (to score them exactly and show their snippets); the
  first part gives their mean length (`average`), which a question's scoring divides by.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterable, cast

from fazhi.search.document import SearchDocument
from fazhi.search.pinyin import SYLLABLE_SEPARATOR, word_key
from fazhi.text.numerals import to_chinese

PARTS_DIR = Path("search") / "parts"
#: Raw bytes aimed at per postings shard and per text chunk (about a third of it gzip).
SHARD_BYTES = 12_000
CHUNK_BYTES = 12_000
PINYIN_PREFIX = "="

_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_QUOTES = re.compile("[《》〈〉“”‘’\"'「」『』]")
_HAN_GAP = re.compile(r"([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_ARTICLE_ANCHOR = re.compile(r"^t(\d+)$")


def match_text(text: str) -> str:
    """Text as the worker matches it (its normalize, then squeeze): must stay in step with worker.js."""
    text = _QUOTES.sub(" ", _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text).lower())).strip()
    return _HAN_GAP.sub(r"\1", text)


def pairs(text: str) -> set[str]:
    """Adjacent characters within each run of non-space characters of matched text."""
    return {run[i:i + 2] for run in text.split() for i in range(len(run) - 1)}


def shard_of(key: str, count: int) -> int:
    """Which shard holds a key: a string hash the worker computes the same way (shardOf)."""
    h = 0
    for char in key:
        h = (h * 31 + ord(char)) & 0xFFFFFFFF
    return h % count


def compact_articles(docs: list[SearchDocument]) -> list[SearchDocument | str]:
    """The documents with each run of plain articles (tN labelled 第N条, N counting up) as "a-b"."""
    out: list[SearchDocument | str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            out.append(f"{run[0]}-{run[-1]}")
            run.clear()

    for doc in docs:
        number = _plain_article(doc)
        if number is None or (run and number != run[-1] + 1):
            flush()
        if number is None:
            out.append(cast(SearchDocument, {k: v for k, v in doc.items() if k != "text"}))
        else:
            run.append(number)
    flush()
    return out


def _plain_article(doc: SearchDocument) -> int | None:
    """N when the document is article tN labelled 第N条 as the law writes numbers; else None."""
    if "article" not in doc:
        return None
    match = _ARTICLE_ANCHOR.match(doc["location"].rpartition("#")[2])
    if not match or doc["article"] != f"第{to_chinese(int(match.group(1)))}条":
        return None
    return int(match.group(1))


def postings(texts: list[str]) -> dict[str, list[int]]:
    """Character pair → gaps between the ascending numbers of the documents holding it."""
    found: dict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        for key in pairs(match_text(text)):
            found[key].append(number)
    return {key: [n - p for n, p in zip(numbers, [0, *numbers])] for key, numbers in found.items()}


def pinyin_words(words: Iterable[str]) -> dict[str, list[str]]:
    """"=xingzheng" → the site's words read xingzheng (行政), so typed pinyin finds body text."""
    found: dict[str, list[str]] = defaultdict(list)
    for word in words:
        key = word_key(word)
        if key:
            found[PINYIN_PREFIX + key.replace(SYLLABLE_SEPARATOR, "")].append(word)
    return dict(found)


def chunk_starts(texts: list[str]) -> list[int]:
    """First document of each text chunk: consecutive documents up to CHUNK_BYTES of text."""
    starts, size = [0], 0
    for number, text in enumerate(texts):
        if size and size + len(text.encode()) > CHUNK_BYTES:
            starts.append(number)
            size = 0
        size += len(text.encode()) + 3
    return starts if texts else []


def average_length(texts: list[str]) -> int:
    """Mean length of the texts that have any, as the worker matches them: BM25's length norm."""
    lengths = [len(match_text(text)) for text in texts if text]
    return round(sum(lengths) / len(lengths)) if lengths else 0


def _dump(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_parts(site_dir: Path, docs: list[SearchDocument], words: Iterable[str]) -> dict[str, object]:
    """Write postings shards and text chunks under `site_dir`; returns the `parts` config."""
    directory = site_dir / PARTS_DIR
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    texts = [doc.get("text", "") for doc in docs]
    keys: dict[str, object] = {**postings(texts), **pinyin_words(words)}
    size = sum(len(k) * 3 + len(json.dumps(v, ensure_ascii=False)) for k, v in keys.items())
    count = max(1, math.ceil(size / SHARD_BYTES))
    shards: list[dict[str, object]] = [{} for _ in range(count)]
    for key in sorted(keys):
        shards[shard_of(key, count)][key] = keys[key]
    for i, shard in enumerate(shards):
        _dump(directory / f"p{i}.json", shard)
    starts = chunk_starts(texts)
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(texts)
        _dump(directory / f"t{i}.json", texts[start:end])
    return {"shards": count, "chunks": starts, "docs": len(docs), "average": average_length(texts)}
