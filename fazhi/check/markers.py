"""Half-width (ASCII) punctuation in hand-typed sequence markers: (一) (1) 一. 1、

Chinese text uses full-width （一）（1）and 一、; GB/T 9704 writes the third 公文 level
as 1. (ASCII full stop, not 1、). 行政法规 copied from 国家法律法规数据库 legitimately
carry ASCII (一): the site shows them full-width, so they are only an info there.
"""

from __future__ import annotations

import re

from fazhi.diagnostics import Diagnostic, Level
from fazhi.text.fences import outside_fences
from fazhi.report.numbering import read_manual_number
from fazhi.check.source import Source

_CN = "零〇○一二两三四五六七八九十百千"
_HEADING = re.compile(r"^#{1,6}[ \t]+")
#: (pattern at the start of a paragraph or heading, the correct form's template)
_HALF_WIDTH = [
    (re.compile(rf"^[（(]([{_CN}]+)[）)]"), "（{}）"),
    (re.compile(r"^[（(](\d{1,2})[）)]"), "（{}）"),
    (re.compile(rf"^([{_CN}]+)[.．,，](?![{_CN}\d])"), "{}、"),
    (re.compile(r"^(\d{1,2})、"), "{}."),
]
#: Legal texts number 项 （一） but may carry 目 1. and never use 1、 or 一.
_LEVELS_WITH_ASCII_SOURCES = {"行政法规"}


def body_lines(source: Source):
    """(file line, text) of the body outside fenced code."""
    for index, line in outside_fences(source.body.split("\n")):
        yield index + 1 + source.body_offset, line

def _level(source: Source, is_heading: bool) -> Level:
    if source.kind == "law" and source.meta.get("level") in _LEVELS_WITH_ASCII_SOURCES:
        return "info"
    return "info" if is_heading else "warning"


def check_markers(source: Source) -> list[Diagnostic]:
    found = []
    for line, text in body_lines(source):
        heading = _HEADING.match(text)
        content = text[heading.end():] if heading else text
        for pattern, right in _HALF_WIDTH:
            match = pattern.match(content)
            if not match or match.group(0) == right.format(match.group(1)):
                continue
            typed, correct = match.group(0), right.format(match.group(1))
            message = f"序号“{typed}”的标点不规范，应为“{correct}”"
            if source.kind == "law" and _level(source, False) == "info":
                message += "（行政法规来源原样保留，网页上显示为全角）"
            elif heading:
                message += "（标题编号由系统自动生成，此处手写编号会被替换）"
            found.append(Diagnostic(source.path, line, len(text) - len(content) + 1, _level(source, bool(heading)), message))
            break
        else:
            if heading and source.kind != "law" and read_manual_number(content):
                typed = read_manual_number(content).text.strip()
                found.append(Diagnostic(
                    source.path, line, heading.end() + 1, "info",
                    f"标题里手写了编号“{typed}”；编号由系统按位置自动生成，建议删去",
                ))
    return found
