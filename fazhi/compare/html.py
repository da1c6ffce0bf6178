"""The 新旧对照 markup: summary, the 只看修改 switch and the 修订前 | 修订后 table.

One markup for the site page, the PDF and the command's HTML file. Each row carries
data-status, data-old and data-new (article numbers, space-separated when an article was
split or merged, empty where there is none); changed words are <del> and <ins>, which the
stylesheet strikes through and underlines and announces to screen readers, so nothing
depends on colour. `link(side, anchor)` gives the href of an article on its law page
(anchor "": the page itself).
"""

from __future__ import annotations

from html import escape
from typing import Callable

from fazhi.compare.comparison import STATUS_WORDS, Comparison, MarkedRow
from fazhi.compare.diff import Marked
from fazhi.compare.units import Unit

Link = Callable[[str, str], "str | None"]
STYLESHEET = "duizhao.css"
SCRIPT = "duizhao.js"
NONE_TEXT = "（无对应条文）"


def page_title(title: str) -> str:
    return f"{title} 新旧对照"


def summary_html(comparison: Comparison) -> str:
    """新增 N 条、删除 M 条、修改 K 条、仅序号变动 P 条、未改 L 条 (and the headings' changes)."""
    parts = [f'{word} <strong>{n}</strong> 条' for word, n in zip(STATUS_WORDS.values(), comparison.counts().values())]
    text = "、".join(parts)
    headings = comparison.counts(heading=True)
    changed = [f"{STATUS_WORDS[s]} {headings[s]} 处" for s in ("added", "deleted", "changed") if headings[s]]
    if changed:
        text += f"；章节标题{'、'.join(changed)}"
    return f'<p class="fz-dz-summary">{text}。</p>'


def toggle_html(comparison: Comparison) -> str:
    """The 只看修改 switch; hidden until duizhao.js runs (without it every row shows)."""
    state = "true" if comparison.mostly_unchanged else "false"
    return (f'<p class="fz-dz-tools"><button type="button" class="fz-dz-toggle md-button" aria-pressed="{state}" '
            f'aria-controls="fz-dz-table" hidden>只看修改</button></p>')


def table_html(comparison: Comparison, link: Link | None = None) -> str:
    head = (f'<thead><tr><th scope="col">修订前（{escape(comparison.old_label)}）</th>'
            f'<th scope="col">修订后（{escape(comparison.new_label)}）</th></tr></thead>')
    context = _headings_over_changes(comparison.rows)
    body = "\n".join(_row(r, link, id(r) in context) for r in comparison.rows)
    return (f'<table class="fz-dz-table" id="fz-dz-table"><caption>{escape(page_title(comparison.title))}'
            f'</caption>{head}\n<tbody>\n{body}\n</tbody></table>')


def versions_html(comparison: Comparison, link: Link | None = None) -> str:
    """Which two texts are compared, each linked to its law page when there is one."""
    def name(side: str, label: str) -> str:
        href = link(side, "") if link else None
        text = f"{escape(label)}的文本"
        return f'<a href="{escape(href)}">{text}</a>' if href else text

    return (f'<p class="fz-dz-versions">修订前：{name("old", comparison.old_label)}；'
            f'修订后：{name("new", comparison.new_label)}。</p>')


def body_html(comparison: Comparison, link: Link | None = None, *, switch: bool = True) -> str:
    """Everything below the page title."""
    parts = [versions_html(comparison, link), summary_html(comparison), toggle_html(comparison) if switch else "",
             table_html(comparison, link)]
    return f'<div class="fz-duizhao">\n{"".join(parts)}\n</div>'


#: Heading rank by the label's last character: 编 over 分编 over 章 over 节 (序言 as a 章).
_RANK = {"编": 0, "分编": 1, "章": 2, "节": 3}


def _rank(marked: MarkedRow) -> int:
    label = (marked.row.new or marked.row.old)[0].label
    return next((r for kind, r in sorted(_RANK.items(), key=lambda kv: -len(kv[0])) if label.endswith(kind)), 2)


def _headings_over_changes(rows: list[MarkedRow]) -> set[int]:
    """ids of heading rows with a changed article under them (before the next heading of
    their rank or higher): 只看修改 keeps those, so a change is seen in its chapter."""
    keep: set[int] = set()
    open_headings: list[MarkedRow] = []
    for marked in rows:
        if marked.row.kind == "heading":
            open_headings = [h for h in open_headings if _rank(h) < _rank(marked)] + [marked]
        elif marked.status not in ("same", "renumbered"):
            keep.update(id(h) for h in open_headings)
    return keep


def _row(marked: MarkedRow, link: Link | None, context: bool = False) -> str:
    row = marked.row
    classes = "fz-dz-row" + (" fz-dz-heading" if row.kind == "heading" else "") + (" fz-dz-context" if context else "")
    data = (f'data-status="{row.status}" data-old="{_numbers(row.old)}" data-new="{_numbers(row.new)}"'
            + (' data-moved="true"' if row.moved else ""))
    tag = _tag(marked)
    old = _cell(row.old, marked.old, "old", link, tag if row.status == "deleted" else "")
    new = _cell(row.new, marked.new, "new", link, "" if row.status == "deleted" else tag)
    return f'<tr class="{classes}" {data}>{old}{new}</tr>'


def _numbers(units: list[Unit]) -> str:
    return " ".join(u.data_number for u in units if u.data_number)


def _tag(marked: MarkedRow) -> str:
    """The row's status in words (修改, 新增 …), for readers who do not see colours."""
    row = marked.row
    if row.status == "same":
        return ""
    word = STATUS_WORDS[row.status]
    if len(row.old) > 1:
        word = "合并"
    elif len(row.new) > 1:
        word = "拆分"
    if row.moved:
        word += "（位置移动）"
    return f'<span class="fz-dz-tag fz-dz-tag-{row.status}">{word}</span>'


def _cell(units: list[Unit], marked: Marked, side: str, link: Link | None, tag: str) -> str:
    if not units:
        return f'<td class="fz-dz-{side} fz-dz-empty">{tag}<span class="fz-dz-none">{NONE_TEXT}</span></td>'
    blocks = [_unit(u, paragraphs, side, link) for u, paragraphs in zip(units, marked)]
    return f'<td class="fz-dz-{side}">{tag}{"".join(blocks)}</td>'


def _unit(unit: Unit, paragraphs: list, side: str, link: Link | None) -> str:
    label = escape(unit.label)
    href = link(side, unit.anchor) if link and unit.anchor else None
    if label and href:
        label = f'<a class="fz-dz-num" href="{escape(href)}">{label}</a>'
    elif label:
        label = f'<span class="fz-dz-num">{label}</span>'
    tag = "p"
    out = []
    for k, pieces in enumerate(paragraphs):
        text = "".join(_piece(p.text, p.mark) for p in pieces)
        lead = label if k == 0 else ""
        out.append(f'<{tag}>{lead}{text}</{tag}>')
    kind = f"fz-dz-unit fz-dz-{unit.kind}"
    return f'<div class="{kind}">{"".join(out)}</div>'


def _piece(text: str, mark: str) -> str:
    return f"<{mark}>{escape(text)}</{mark}>" if mark else escape(text)
