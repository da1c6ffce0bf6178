"""Converting a law copied from 国家法律法规数据库 (flk.npc.gov.cn) into the handbook format.

The handbook format is the one of /work/shared/laws: front matter, `# 标题`, the 题注
lines, `<!-- INFO END -->`, `## 第一章 总则`, `### 第一节 …`, and every 条/款/项 as its
own paragraph. The text is kept as typed; only indentation and zero-width characters
are dropped and the blanks inside 编/章/节 headings (第一编　总　　则) become single spaces.
A code pasted whole (民法典: 第一编　总　　则, 第一分编　通　　则, chapters restarting in every
编, a closing 附　　则) becomes one file with the same structure as the parts' files give.
A part of a code pasted alone (articles starting past 第一条) is written as an excerpt.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fazhi.diagnostics import Diagnostic
from fazhi.law.structure import ARTICLE, DIVISION, PREAMBLE, ArticleNumber
from fazhi.importer.escape import escape
from fazhi.importer.report import Imported, front_matter
from fazhi.importer.source import BLANKS, Para, squeeze
from fazhi.text.invisible import INVISIBLE, without_zero_width

_BLANK_RUN = re.compile(f"[{BLANKS}]+")
#: A 编/章/节 heading line is short; a longer line starting 第一章… is running text.
MAX_HEADING = 40
#: Unnumbered headings of a code: its closing 附　　则 (a 章 elsewhere, always numbered there).
_BARE_HEADINGS = {"附则"}


def guess_level(title: str) -> str:
    """法律 / 行政法规 / 宪法 from the title; the importer asks staff to confirm it."""
    if title.endswith("宪法"):
        return "宪法"
    if title.endswith("法") or title.endswith("法典"):
        return "法律"
    return "行政法规"


def _structure(text: str) -> str | None:
    """`## ` or `### ` for a 编/章 or 节 heading line, else None."""
    if squeeze(text) == PREAMBLE or squeeze(text) in _BARE_HEADINGS:
        return "## "
    division = DIVISION.match(text)
    if not division or len(text) > MAX_HEADING:
        return None
    return "### " if division["kind"] == "节" else "## "


def _skip_contents(paras: list[Para]) -> tuple[list[Para], Para | None]:
    """Drop a 目录 block (the 章/节 lines after “目录” up to the repeat of its first entry);
    returns the remaining paragraphs and the 目录 line when one was dropped."""
    for index, para in enumerate(paras):
        if squeeze(para.text) != "目录":
            continue
        entries = paras[index + 1:]
        if not entries or _structure(entries[0].text) is None:
            break
        first = squeeze(entries[0].text)
        for offset, entry in enumerate(entries[1:], start=1):
            if squeeze(entry.text) == first:
                return paras[:index] + entries[offset:], para
        break
    return paras, None


def _visible(paras: list[Para]) -> list[Para]:
    """The paragraphs without zero-width characters or surrounding blanks; empty ones dropped."""
    cleaned = (replace(p, text=without_zero_width(p.text).strip(INVISIBLE)) for p in paras)
    return [p for p in cleaned if p.text]


def _excerpt(title: str, first: str, part: str) -> dict:
    """Front matter of a part of a code: 中华人民共和国民法典（婚姻家庭编）, its 编 and first article."""
    name = DIVISION.sub("", part).replace(" ", "")
    return {"title": f"{title}（{name}编）" if name else title, "excerpt": part or None, "first_article": first}


def convert_law(paras: list[Para], path: str = "<input>") -> Imported:
    """The handbook Markdown for a law given as paragraphs."""
    diagnostics: list[Diagnostic] = []
    paras, contents = _skip_contents(_visible(paras))
    if contents:
        diagnostics.append(Diagnostic(path, contents.line, 1, "info", "已跳过目录（网页正文前的章节列表，手册页面自动生成目录）"))
    if not paras:
        return Imported("", {}, [Diagnostic(path, 1, 1, "error", "文件没有内容")])
    title = paras.pop(0).text
    notes: list[str] = []
    while paras and _structure(paras[0].text) is None and not ARTICLE.match(paras[0].text):
        notes.append(paras.pop(0).text)
    body: list[str] = []
    articles = 0
    first = last = part = ""
    for para in paras:
        prefix = _structure(para.text)
        if prefix:
            heading = _BLANK_RUN.sub(" ", para.text)
            division = DIVISION.match(para.text)
            part = part or (heading if division and division["kind"] == "编" else "")
            body.append(prefix + escape(heading))
            continue
        match = ARTICLE.match(para.text)
        if match:
            articles += 1
            last = para.text[: match.end()].strip(BLANKS)
            first = first or last
        body.append(escape(para.text))
    level = guess_level(title)
    meta = {
        "title": title, "level": level, "制定机关": None, "公布日期": None, "施行日期": None,
        "history": notes,
        "status": "current", "article_count": articles, "last_article": last,
        "source": {"url": None, "upstream": "国家法律法规数据库 https://flk.npc.gov.cn"},
    }
    if first and ArticleNumber.parse(first) != ArticleNumber(1):
        meta.update(_excerpt(title, first, part))
        diagnostics.append(Diagnostic(path, 1, 1, "info", f"正文从{first}开始，已按节选收录（excerpt、first_article），请核对标题和节选范围"))
    diagnostics.append(Diagnostic(
        path, 1, 1, "info",
        f"已导入《{title}》，共{articles}条；效力级别按标题推定为“{level}”，请核对并补写制定机关、公布日期、施行日期和来源网址",
    ))
    head = [f"# {escape(title)}", *map(escape, notes), "<!-- INFO END -->"]
    markdown = front_matter(meta) + "\n\n".join(head + body) + "\n"
    return Imported(markdown, meta, diagnostics)
