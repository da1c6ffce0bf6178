"""Reading a Word (.docx) file into paragraphs, with heading styles and automatic numbers.

Word keeps automatic numbers (一、 （一） 1.) out of the text, in the numbering part
(numPr → abstractNum → lvl with numFmt and lvlText); they are rebuilt here and put in
front of the paragraph text, so a numbered paragraph reads exactly like a typed one.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from fazhi.text.numerals import to_chinese, to_circled
from fazhi.importer.escape import escape
from fazhi.importer.source import BLANKS, Para

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题"}
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

#: Word numFmt values → how a counter is written.
FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
    "decimalHalfWidth": str,
    "chineseCounting": to_chinese,
    "chineseCountingThousand": to_chinese,
    "ideographTraditional": to_chinese,
    "japaneseCounting": to_chinese,
    "taiwaneseCounting": to_chinese,
    "taiwaneseCountingThousand": to_chinese,
    "decimalEnclosedCircle": to_circled,
    "decimalEnclosedCircleChinese": to_circled,
}


class _Numbering:
    """Counters for Word's automatic list numbers, one set per list (numId)."""

    def __init__(self, document) -> None:
        try:
            self.root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.root = None
        self.counts: dict[str, list[int]] = {}

    def _level(self, num_id: str, ilvl: int):
        nums = self.root.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId')
        if not nums:
            return None
        abstract = nums[0].get(qn("w:val"))
        levels = self.root.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="{ilvl}"]')
        return levels[0] if levels else None

    def number(self, num_id: str, ilvl: int) -> str:
        """The text Word shows before the paragraph (“一、”), advancing the list's counters."""
        if self.root is None or num_id == "0":
            return ""
        lvl = self._level(num_id, ilvl)
        if lvl is None:
            return ""
        counts = self.counts.setdefault(num_id, [0] * 9)
        start = _val(lvl, "w:start", "1")
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else int(start)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        fmt = _val(lvl, "w:numFmt", "decimal")
        text = _val(lvl, "w:lvlText", "")
        if fmt == "bullet":
            return ""
        spell = FORMATS.get(fmt, str)
        return re.sub(r"%(\d)", lambda m: spell(max(counts[int(m.group(1)) - 1], 1)), text)


def _val(element, tag: str, default: str) -> str:
    child = element.find(qn(tag))
    return child.get(qn("w:val"), default) if child is not None else default


def _num_pr(paragraph: Paragraph):
    """numPr of the paragraph, or of its style (headings numbered through the style)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style = paragraph.style
    style_ppr = style.element.pPr if style is not None else None
    return style_ppr.numPr if style_ppr is not None else None


def _paragraph(paragraph: Paragraph, index: int, numbering: _Numbering) -> list[Para]:
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style or "")
    title = (style or "").strip().lower() in _TITLE_STYLES
    prefix = ""
    num_pr = _num_pr(paragraph)
    if num_pr is not None and num_pr.numId is not None:
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        prefix = numbering.number(str(num_pr.numId.val), int(ilvl))
    lines = [line.strip(BLANKS) for line in paragraph.text.split("\n")]
    lines = [line for line in lines if line]
    if lines and prefix:
        lines[0] = prefix + lines[0]
    level = int(heading.group(1)) if heading else None
    return [Para(line, index, level, title) for line in lines]


def _table(table: Table, index: int) -> Para:
    """A Word table as a Markdown table (cell text kept, line breaks become spaces)."""
    rows = []
    for row in table.rows:
        cells = [escape(" ".join(c.text.split())).replace("|", "\\|") for c in row.cells]
        rows.append("| " + " | ".join(cells) + " |")
    if rows:
        width = rows[0].count(" | ") + 1
        rows.insert(1, "|" + " --- |" * width)
    return Para("\n".join(rows), index, table=True)


def paragraphs_from_docx(path: str | Path) -> list[Para]:
    """Paragraphs and tables of the document body in order; index counts body elements from 1."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise ValueError("不是有效的 .docx 文件（可能是 .doc 或 .wps 改了扩展名；请在 Word/WPS 中“另存为” .docx）") from error
    numbering = _Numbering(document)
    paras: list[Para] = []
    for index, child in enumerate(document.element.body.iterchildren(), start=1):
        if child.tag == qn("w:p"):
            paras.extend(_paragraph(Paragraph(child, document), index, numbering))
        elif child.tag == qn("w:tbl"):
            table = _table(Table(child, document), index)
            if table.text:
                paras.append(table)
    return paras
