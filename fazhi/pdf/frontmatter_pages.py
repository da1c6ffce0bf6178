"""The handbook's front matter as a printed book has it: 版权页 on the back of the title
page, an optional 前言/编印说明 (handbook/preface.md), each before the 目录.

The 版权页 lines come from the fazhi plugin's pdf.imprint option (编印单位, 印数, 印制日期;
each line left out when not set); 开本 follows from the paper, 印张 from the page count
(one 印张 is one side of a full sheet: 32 pages of an A5 book, 16 of an A4 one).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Mapping

import markdown
import yaml

from fazhi.pdf import grid, html
from fazhi.text.frontmatter import split_front_matter

PREFACE = "preface.md"
#: 开本 of each paper on the 880 mm × 1230 mm full sheet (大度纸), and its pages per 印张.
FORMATS = {"A5": ("880 mm × 1230 mm　1/32", 32), "A4": ("880 mm × 1230 mm　1/16", 16)}


@dataclass(frozen=True)
class Preface:
    title: str
    html: str


def read_preface(root: Path) -> Preface | None:
    """handbook/preface.md as HTML, titled by its front matter `title` or its first `# `
    heading (default 前言); None when there is no such file."""
    path = root / PREFACE
    if not path.is_file():
        return None
    front, body, _ = split_front_matter(path.read_text("utf-8"))
    meta = yaml.safe_load(front) or {} if front else {}
    heading = re.search(r"^# (.+)$", body, re.M)
    title = str(meta.get("title") or (heading.group(1).strip() if heading else "前言"))
    if heading:
        body = body[:heading.start()] + body[heading.end():]
    return Preface(title, markdown.markdown(body, extensions=["attr_list", "tables"]))


def preface_section(preface: Preface) -> str:
    """The 前言 from a right-hand page, its paragraphs justified like the laws (grid.py)."""
    body = html.fragment(preface.html)
    grid.justify(body)
    return (f'<section class="fz-preface" id="preface"><h1 class="fz-preface-title">{escape(preface.title)}</h1>'
            f'{html.serialize(body)}</section>')


def sheets(pages: int, size: str) -> str:
    """印张 of a book of `pages` pages, to the quarter sheet as publishers state it (5.25)."""
    quarters = math.ceil(pages / FORMATS[size][1] * 4)
    return f"{quarters / 4:g}"


def print_year(imprint: Mapping[str, str]) -> int | None:
    """The year of 印制日期 (2025年1月 → 2025), for the cover; None when not set."""
    match = re.search(r"(\d{4})", str(imprint.get("印制日期") or ""))
    return int(match.group(1)) if match else None


def imprint_page(title: str, imprint: Mapping[str, str], size: str, pages: int, qr_block: str = "") -> str:
    """The 版权页: the book's title, then one line per fact that is known."""
    rows = [("编印单位", imprint.get("编印单位")), ("开　　本", FORMATS[size][0]),
            ("印　　张", sheets(pages, size) if pages else ""), ("印　　数", imprint.get("印数")),
            ("印制日期", imprint.get("印制日期"))]
    lines = "".join(f'<p><span class="fz-imprint-key">{key}</span>{escape(str(value))}</p>'
                    for key, value in rows if value)
    return (f'<section class="fz-imprint"><div class="fz-imprint-box"><p class="fz-imprint-title">'
            f'{escape(title)}</p>{lines}{qr_block}</div></section>')
