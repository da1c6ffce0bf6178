"""Article continuity: 第一条 … 第N条 run without gap, duplicate or reordering.

Articles are numbered through the whole law (立法法 第六十五条). An inserted article
第X条之一 may follow 第X条 (and 之二 its 之一), which keeps later numbers stable after
an amendment. Used by the handbook build and by `fazhi check` (issue E).
"""

from __future__ import annotations

import re

from fazhi.diagnostics import Diagnostic
from fazhi.law.structure import Article, ArticleNumber, parse_law

_ARTICLE_COUNT = re.compile(r"^article_count:\s*(\d+)\s*$", re.M)


def check_articles(text: str, path: str) -> list[Diagnostic]:
    """Diagnostics for the articles of a whole law file, front matter included or not.

    Line numbers are lines of `text` as a file. The front matter's `article_count`,
    when present, must match the articles found.
    """
    law = parse_law(text)
    found = [Diagnostic(path, line, 1, "warning", message) for line, message in article_sequence_problems(law.articles)]
    declared = _declared_count(text)
    if declared is not None and declared != len(law.articles):
        line = text.count("\n", 0, _ARTICLE_COUNT.search(text).start()) + 1
        found.append(
            Diagnostic(path, line, 1, "warning", f"前置信息 article_count 为{declared}，正文实有{len(law.articles)}条")
        )
    return found


def _declared_count(text: str) -> int | None:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    match = _ARTICLE_COUNT.search("\n".join(lines[:end]))
    return int(match[1]) if match else None


def article_sequence_problems(articles: list[Article]) -> list[tuple[int, str]]:
    """(line, message) for every article that breaks the sequence.

    Compares each article with the successor of the highest number seen so far, so a
    single deleted or duplicated article produces one message, not a cascade.
    """
    problems: list[tuple[int, str]] = []
    seen: dict[ArticleNumber, int] = {}
    highest = ArticleNumber(0)
    for article in articles:
        number = article.number
        if number in seen:
            problems.append((article.line, f"{number.label}重复（第{seen[number]}行已有{number.label}）"))
            continue
        seen[number] = article.line
        if number < highest:
            problems.append((article.line, f"{number.label}顺序颠倒：出现在{highest.label}之后"))
            continue
        message = _successor_problem(highest, number)
        if message:
            problems.append((article.line, message))
        highest = number
    return problems


def _successor_problem(previous: ArticleNumber, number: ArticleNumber) -> str | None:
    """None when `number` may follow `previous`; else the message naming both."""
    expected = ArticleNumber(previous.base + 1)
    if number == expected:
        return None
    if number.sub and number.base == previous.base and number.sub == previous.sub + 1:
        return None
    after = f"{previous.label}之后" if previous.base else "首条"
    head = f"{after}应为{expected.label}，实为{number.label}"
    if number.sub:
        return f"{head}（“之{number.label.split('之')[-1]}”条只能紧接在{ArticleNumber(number.base).label}或其前一个“之”条之后）"
    if number.base > expected.base:
        last_missing = ArticleNumber(number.base - 1)
        missing = expected.label if last_missing == expected else f"{expected.label}至{last_missing.label}"
        return f"{head}（缺少{missing}）"
    return head
