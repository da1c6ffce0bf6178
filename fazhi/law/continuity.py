"""Article continuity: 第一条 … 第N条 run without gap, duplicate or reordering.

Articles are numbered through the whole law (立法法 第六十五条). An inserted article
第X条之一 may follow 第X条 (and 之二 its 之一), which keeps later numbers stable after
an amendment. An excerpt (`fazhi.law.excerpt`) runs from its `first_article` instead
of 第一条. Used by the handbook build and by `fazhi check` (issue E).
"""

from __future__ import annotations

import re

import yaml

from fazhi.diagnostics import Diagnostic
from fazhi.law.excerpt import first_article
from fazhi.law.structure import Article, ArticleNumber, parse_law
from fazhi.text.frontmatter import split_front_matter

_ARTICLE_COUNT = re.compile(r"^article_count:\s*(\d+)\s*$", re.M)


def check_articles(text: str, path: str) -> list[Diagnostic]:
    """Diagnostics for the articles of a whole law file, front matter included or not.

    Line numbers are lines of `text` as a file. The front matter's `article_count`,
    when present, must match the articles found.
    """
    law = parse_law(text)
    meta = _front_matter(text)
    start = first_article(meta)
    found = [Diagnostic(path, line, 1, "warning", message)
             for line, message in article_sequence_problems(law.articles, start)]
    if meta.get("first_article") and ArticleNumber.parse(meta["first_article"]) is None:
        message = f"前置信息 first_article “{meta['first_article']}”不是条号（应写作“第一千零四十条”这样的形式）"
        found.append(Diagnostic(path, _line_of_key(text, "first_article"), 1, "warning", message))
    declared = _declared_count(text)
    if declared is not None and declared != len(law.articles):
        line = text.count("\n", 0, _ARTICLE_COUNT.search(text).start()) + 1
        found.append(
            Diagnostic(path, line, 1, "warning", f"前置信息 article_count 为{declared}，正文实有{len(law.articles)}条")
        )
    return found


def _front_matter(text: str) -> dict:
    """The file's front matter as data ({} when absent or unreadable: the front-matter check says why)."""
    yaml_text, _, _ = split_front_matter(text)
    try:
        meta = yaml.safe_load(yaml_text) if yaml_text else {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _line_of_key(text: str, key: str) -> int:
    match = re.search(rf"^{key}:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _declared_count(text: str) -> int | None:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    match = _ARTICLE_COUNT.search("\n".join(lines[:end]))
    return int(match[1]) if match else None


def article_sequence_problems(articles: list[Article],
                              start: ArticleNumber = ArticleNumber(1)) -> list[tuple[int, str]]:
    """(line, message) for every article that breaks the sequence starting at `start`.

    Compares each article with the successor of the highest number seen so far, so a
    single deleted or duplicated article produces one message, not a cascade.
    """
    problems: list[tuple[int, str]] = []
    seen: dict[ArticleNumber, int] = {}
    highest = ArticleNumber(start.base - 1)
    first = True
    for article in articles:
        number = article.number
        if number in seen:
            problems.append((article.line, f"{number.label}重复（第{seen[number]}行已有{number.label}）"))
            continue
        seen[number] = article.line
        if not first and number < highest:
            problems.append((article.line, f"{number.label}顺序颠倒：出现在{highest.label}之后"))
            continue
        message = _successor_problem(highest, number, first)
        if message:
            problems.append((article.line, message))
        highest, first = number, False
    return problems


def _successor_problem(previous: ArticleNumber, number: ArticleNumber, first: bool = False) -> str | None:
    """None when `number` may follow `previous` (or, `first`, open the text); else a message."""
    expected = ArticleNumber(previous.base + 1)
    if number == expected:
        return None
    if not first and number.sub and number.base == previous.base and number.sub == previous.sub + 1:
        return None
    after = "首条" if first else f"{previous.label}之后"
    head = f"{after}应为{expected.label}，实为{number.label}"
    if number.sub:
        return f"{head}（“之{number.label.split('之')[-1]}”条只能紧接在{ArticleNumber(number.base).label}或其前一个“之”条之后）"
    if number.base > expected.base:
        last_missing = ArticleNumber(number.base - 1)
        missing = expected.label if last_missing == expected else f"{expected.label}至{last_missing.label}"
        return f"{head}（缺少{missing}）"
    return head
