"""The handbook's index page (/handbook/), generated as Markdown from the Handbook.

Laws in force by category, in the configured order, each with level, date and article
count and, under it, its earlier versions (历史文本) with their dates; a superseded text
whose current version is not in the handbook is listed in its category, flagged; all
superseded texts again apart under 历史文本, each with its status note in the banner style.
Its search hits count half (search.boost): it names every law, and a reader who types a
law's words wants the law, not its line in the table of contents.
"""

from __future__ import annotations

from html import escape

from fazhi.law.handbook import HISTORY, Handbook, LawEntry
from fazhi.law.meta import BANNER_HEAD, EXCERPT_MARK



def index_markdown(book: Handbook) -> str:
    current = sum(len(c.laws) for c in book.categories)
    lines = [
        "---",
        f"title: {book.title}",
        "numbering: none",
        "search:",
        "  boost: 0.5",
        "---",
        "",
        f"# {book.title}",
        "",
        f"本手册收录民政工作常用的法律法规{len(book.laws)}部，其中现行有效{current}部、"
        f"历史文本{len(book.history)}部，共{book.article_total}条。"
        "点击名称阅读全文；每一条都有固定链接，可以直接引用或分享。",
        "",
    ]
    for category in book.categories:
        lines += [f"## {category.name}", ""]
        lines += _category(book, category.laws, book.history_of(category.name))
        lines.append("")
    if book.history:
        lines += [
            f"## {HISTORY}",
            "",
            f'<div class="fz-law-banner"><strong class="fz-law-banner-head">{BANNER_HEAD}</strong>'
            '<span class="fz-law-banner-text">以下文本已被修订，仅供查阅沿革，不是现行有效的法律法规。</span></div>',
            "",
            *_list(book.history, with_note=True),
            "",
        ]
    return "\n".join(lines)


def _category(book: Handbook, current: list[LawEntry], history: list[LawEntry]) -> list[str]:
    """The current laws, each with its earlier versions under it; then the superseded texts
    of the category that have no current version here, flagged as such."""
    lines: list[str] = []
    for law in current:
        lines += _list([law])
        lines += [f"    - {HISTORY}：[{old.date}公布的文本]({old.stem}.md)" for old in book.history_under(law)]
    orphans = [law for law in history if not any(not v.superseded for v in book.versions_of(law))]
    if not current:
        return [_only_history(orphans)]
    if orphans:
        lines += [_list([law])[0] + f' <span class="fz-status-note">{HISTORY}：{escape(law.status_note)}</span>'
                  for law in orphans]
    return lines


def _only_history(laws: list[LawEntry]) -> str:
    """The line under a category whose texts in the handbook are all superseded."""
    named = "、".join(f"[{law.title}]({law.stem}.md)" for law in laws)
    found = f"已收录的历史文本：{named}，见下文“{HISTORY}”。" if laws else ""
    return "本类现行文本尚未收入手册。" + found


def _list(laws: list[LawEntry], with_note: bool = False) -> list[str]:
    """One list item per law: the linked title, then level · date · article count.

    A list rather than a table, so a phone shows the titles whole instead of a squeezed grid.
    """
    items = []
    for law in laws:
        facts = "".join(f"<span>{escape(fact)}</span>" for fact in (law.level, law.date, f"{law.article_count}条") if fact)
        excerpt = f"（{EXCERPT_MARK}：{law.excerpt.part}）" if law.excerpt else ""
        item = f'- [{law.title}]({law.stem}.md){excerpt} <span class="fz-law-facts">{facts}</span>'
        if with_note:
            item += f' <span class="fz-status-note">{escape(law.status_note)}</span>'
        items.append(item)
    return items
