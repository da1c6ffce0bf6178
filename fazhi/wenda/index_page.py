"""The list of the bureau's 问答 and 以案释法 (/wenda/), generated as Markdown from the files.

Only when docs/wenda/ holds any and has no index.md of its own: 问答 first, then 以案释法, each
in file-name order with the articles it rests on (as the law spells them), so a reader sees at a glance what the law says
on what. Staff who want their own introduction write docs/wenda/index.md, which is used instead.
"""

from __future__ import annotations

from typing import Callable

from fazhi.addresses import WENDA
from fazhi.wenda.question import CASE, GENRES, QUESTION, Question

TITLE = "普法问答"
SECTION_TITLES = {QUESTION: "问答", CASE: "以案释法"}


def index_markdown(questions: list[Question], bureau: str, labels: Callable[[str], list[str]] = lambda text: [text]) -> str:
    """The list page; `labels` turns a 依据 entry into the citations as the law spells them
    (反家暴法第28条 → 《中华人民共和国反家庭暴力法》第二十八条)."""
    lines = ["---", f"title: {TITLE}", "---", "", f"# {TITLE}", "",
             f"{bureau}依据普法手册收录的法律法规，解答群众常问的问题、以案释法。"
             "点击问题查看解答和所依据的条文。", ""]
    for genre in GENRES:
        listed = [q for q in questions if (q.genre if q.genre in GENRES else QUESTION) == genre]
        if not listed:
            continue
        lines += [f"## {SECTION_TITLES[genre]}", ""]
        for question in listed:
            name = question.uri.removeprefix(f"{WENDA}/")
            basis = "、".join(label for b in question.basis for label in labels(b.text))
            lines.append(f"- [{_escaped(question.title)}]({name})" + (f"（依据：{_escaped(basis)}）" if basis else ""))
        lines.append("")
    return "\n".join(lines)


def _escaped(text: str) -> str:
    """Text as Markdown shows it literally (a question may hold [ ] * _)."""
    return "".join("\\" + c if c in "\\`*_[]<>" else c for c in text)
