"""Converting a report typed in Word or Notepad into the project's Markdown.

The result carries the 公文 parts in front matter (title, 主送机关, 署名, 成文日期) and
the body as plain Markdown whose headings have no hand-typed numbers: the numbering
extension prints them again by position. Nothing but indentation is dropped; page
chrome copied from a government web page (字号 大 中 小, 索引号 tables, a lone date)
is skipped only before the title or after the date, and always reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from fazhi.diagnostics import Diagnostic
from fazhi.report.numbering import Counters, ManualNumber, marker, read_manual_number, style_for
from fazhi.importer.escape import escape
from fazhi.importer.source import BLANKS, Para, squeeze

#: Hand-typed number styles that make a report paragraph a heading (see fazhi.report.numbering).
HEADING_STYLES = ("part", "cn-dun", "cn-paren", "arabic-dot", "arabic-paren")
_SENTENCE_END = "。！？"
_OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "‘": "’", "「": "」", "【": "】"}
_PUNCT = re.compile(r"[。，,；;：:！？!?]")
_CN_DIGIT = "〇○零一二三四五六七八九"
DATE = re.compile(rf"^(\d{{4}}|[{_CN_DIGIT}]{{4}})年[\d一二三四五六七八九十]{{1,2}}月[\d一二三四五六七八九十]{{1,3}}日$")
_CHROME = [
    re.compile(r"^[【\[]?(字号|字体)[:：]?[【\[]?大中小[】\]]*$"),
    re.compile(r"^(索引号|发布机构|发文机关|发布日期|发布时间|生效日期|主题分类|文号|来源|信息来源|浏览次数|点击数|作者)[:：]"),
    re.compile(r"^[【\[]?(打印本页|打印|关闭窗口|关闭|分享到)[】\]]?"),
]
_CHROME_DATE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\d{1,2}:\d{2}(:\d{2})?)?$")
MAX_TITLE_LINE = 40
MAX_SIGNATURE = 30


@dataclass
class Imported:
    """The Markdown written for a document and what the importer noticed on the way."""

    markdown: str
    meta: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def is_chrome(text: str, *, allow_date: bool = True) -> bool:
    """A line of a web page's frame (not of the document) as copied along with it."""
    squeezed = squeeze(text)
    return any(p.match(squeezed) for p in _CHROME) or (allow_date and bool(_CHROME_DATE.match(squeezed)))


def heading_number(text: str) -> ManualNumber | None:
    """The hand-typed number that makes a paragraph a report heading (一、 （一） 1. 第一部分 …)."""
    manual = read_manual_number(text)
    if manual and manual.style in HEADING_STYLES and text[len(manual.text):].strip(BLANKS):
        return manual
    return None


def split_run_in(text: str) -> tuple[str, str]:
    """（一）标题。正文… → (标题。, 正文…): the first full stop outside quotes and brackets ends the heading."""
    closing: list[str] = []
    for index, char in enumerate(text):
        if closing and char == closing[-1]:
            closing.pop()
        elif char in _OPENERS:
            closing.append(_OPENERS[char])
        elif char in _SENTENCE_END and not closing:
            rest = text[index + 1:].strip(BLANKS)
            if rest:
                return text[: index + 1], rest
            break
    return text, ""


def _is_title_continuation(para: Para) -> bool:
    text = para.text
    return (
        len(text) <= MAX_TITLE_LINE and not _PUNCT.search(text) and not text.startswith(("（", "("))
        and not DATE.match(squeeze(text))
        and heading_number(text) is None and not para.table
    )


class _Reader:
    """Walks the paragraphs once, collecting front matter, body blocks and diagnostics."""

    def __init__(self, paras: list[Para], path: str) -> None:
        self.paras = paras
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.meta: dict[str, str] = {}

    def note(self, line: int, message: str, level: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, 1, level, message))

    def skip_chrome(self) -> None:
        while self.paras and (self.paras[0].table or is_chrome(self.paras[0].text)) and not self.paras[0].title:
            para = self.paras.pop(0)
            self.note(para.line, f"已跳过标题前的网页元素“{para.text[:30]}”（不属于正文）", "info")
        while self.paras and not self.paras[-1].table and is_chrome(self.paras[-1].text, allow_date=False):
            para = self.paras.pop()
            self.note(para.line, f"已跳过落款后的网页元素“{para.text[:30]}”（不属于正文）", "info")

    def take_title(self) -> None:
        if not self.paras:
            self.note(1, "文件没有内容", "error")
            return
        first = self.paras.pop(0)
        parts = [first.text]
        # Word's Title style marks every title line; in plain text a short line without
        # punctuation or number right after the first continues it (东辽县民政局 / 2024年度…报告).
        while self.paras and (self.paras[0].title if first.title else _is_title_continuation(self.paras[0])):
            parts.append(self.paras.pop(0).text)
        self.meta["title"] = "".join(parts)
        if len(parts) > 1:
            self.note(first.line, f"标题分{len(parts)}行书写，已合并为“{self.meta['title']}”", "info")

    @staticmethod
    def _is_addressee(para: Para) -> bool:
        text = para.text
        return text[-1] in "：:" and len(text) <= MAX_TITLE_LINE and not re.search(r"[。；;！？]", text)

    def take_addressee(self) -> None:
        if self.paras and self._is_addressee(self.paras[0]):
            self.meta["主送机关"] = self.paras.pop(0).text.rstrip("：:")

    def take_signature(self) -> None:
        if self.paras and DATE.match(squeeze(self.paras[-1].text)):
            date = self.paras.pop().text
            signer = self.paras[-1].text if self.paras else ""
            if signer and len(signer) <= MAX_SIGNATURE and not _PUNCT.search(signer) and not heading_number(signer):
                self.meta["署名"] = self.paras.pop().text
            self.meta["成文日期"] = date
        for key in ("署名", "成文日期"):
            if key not in self.meta:
                self.note(self.paras[-1].line if self.paras else 1, f"未在文末找到{key}，请在前置信息中补写", "warning")


def _scheme(paras: list[Para]) -> str:
    return "bufen" if any((n := heading_number(p.text)) and n.style == "part" for p in paras) else "gongwen"


class _Body:
    """Body paragraphs to Markdown blocks; heading levels follow the order styles first appear."""

    def __init__(self, reader: _Reader, scheme: str) -> None:
        self.reader = reader
        self.scheme = scheme
        self.stack: list[str] = []
        self.counters = Counters()
        self.told: set[tuple[int, str]] = set()
        self.blocks: list[str] = []

    def add(self, para: Para) -> None:
        if para.table:
            self.blocks.append(para.text)
            return
        manual = heading_number(para.text)
        key = manual.style if manual else f"word-heading-{para.heading}" if para.heading else None
        if key is None:
            self.blocks.append(escape(para.text))
            return
        level = self._level(key)
        if level > 6:
            self.reader.note(para.line, f"标题层级超过五级，“{para.text[:20]}”按普通段落导入")
            self.blocks.append(escape(para.text))
            return
        text = para.text[len(manual.text):] if manual else para.text
        heading, rest = split_run_in(text) if manual else (text, "")
        self._check_number(para, manual, level, heading)
        self.blocks.append("#" * level + " " + escape(heading))
        if rest:
            self.blocks.append(escape(rest))

    def _level(self, key: str) -> int:
        if key in self.stack:
            del self.stack[self.stack.index(key) + 1:]
        else:
            self.stack.append(key)
        return len(self.stack) + 1

    def _check_number(self, para: Para, manual: ManualNumber | None, level: int, heading: str) -> None:
        position = self.counters.next(level)
        shown = marker(self.scheme, level, position)
        if manual is None or shown is None:
            return
        typed = manual.text.strip(BLANKS)
        if manual.value != position:
            self.reader.note(para.line, f"标题“{typed}{heading[:20]}”的编号与位置不符，网页上按位置显示为“{shown.strip()}”，请核对原文")
            return
        form = (level, re.sub(r"[\d〇○零一二三四五六七八九十百千两]+", "N", typed))
        if typed != shown.strip() and form not in self.told:
            self.told.add(form)
            expected = style_for(self.scheme, level)
            self.reader.note(
                para.line,
                f"原文第{level - 1}层标题用“{typed}”式编号，网页按 GB/T 9704 统一显示为“{shown.strip()}”式（{expected}）",
                "info",
            )


def front_matter(meta: dict[str, str]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def convert_report(paras: list[Para], path: str = "<input>") -> Imported:
    """The project Markdown for a report given as paragraphs (see fazhi.importer.source)."""
    reader = _Reader(list(paras), path)
    reader.skip_chrome()
    reader.take_title()
    reader.take_addressee()
    reader.take_signature()
    scheme = _scheme(reader.paras)
    body = _Body(reader, scheme)
    for para in reader.paras:
        body.add(para)
    meta = {k: reader.meta[k] for k in ("title", "主送机关", "署名", "成文日期") if k in reader.meta}
    for key in ("署名", "成文日期"):
        meta.setdefault(key, "")
    if scheme == "bufen":
        meta["numbering"] = "bufen"
    markdown = front_matter(meta) + "\n" + "\n\n".join(body.blocks) + "\n"
    return Imported(markdown, meta, reader.diagnostics)
