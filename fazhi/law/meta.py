"""What a reader sees under a law's title: status banner, 题注 and the metadata block.

Built from the file's front matter (title, level, 制定机关, 公布日期, 施行日期, status,
status_note, source) as ElementTree elements, so the page content (which the print
step reuses) carries them. A superseded text must never pass for the law in force,
so its banner comes first and says so in words, not only in colour. Two versions of one
law in the handbook name each other here (现行文本 / 历史文本, with their dates), and an
excerpt says which part of the code it holds.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from fazhi.law.excerpt import MARK as EXCERPT_MARK, Excerpt
from fazhi.law.structure import Block

SUPERSEDED = "superseded"
BANNER_HEAD = "历史文本，非现行有效文本"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CN_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_UPSTREAM = "国家法律法规数据库"
#: The （节选） mark after an excerpt's title.
EXCERPT_CLASS = "fz-law-excerpt"
CURRENT_LABEL = "现行文本"
HISTORY_LABEL = "历史文本"


@dataclass(frozen=True)
class Version:
    """Another version of the same law in the handbook, as a page links to it."""

    href: str  # relative to the page's source, e.g. cishan-fa.md
    date: str  # 2016年3月16日 (its 公布日期)
    current: bool


#: Page meta key the site sets on a law with another version: [(link text, href), …] to the
#: 新旧对照 pages (fazhi.site.compare), shown in the banner and the metadata block.
COMPARISONS = "fz_duizhao"


def is_superseded(meta: Mapping[str, Any]) -> bool:
    return str(meta.get("status") or "").strip() == SUPERSEDED


def chinese_date(value: Any) -> str:
    """'2012-11-09' (or a YAML date) → 2012年11月9日; anything else unchanged; None → ''."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    match = _ISO_DATE.match(str(value).strip())
    return f"{match[1]}年{int(match[2])}月{int(match[3])}日" if match else str(value).strip()


def display_date(meta: Mapping[str, Any]) -> str:
    """The date to list a law under: 公布日期, else the date of its last history line."""
    if meta.get("公布日期"):
        return chinese_date(meta["公布日期"])
    for line in reversed(list(meta.get("history") or [])):
        match = _CN_DATE.search(str(line))
        if match:
            return match.group(0)
    return ""


def banner_text(meta: Mapping[str, Any]) -> str:
    """The sentence shown on a superseded text: its status_note, or a plain default."""
    return str(meta.get("status_note") or "本文本已被修订，请以现行有效文本为准。").strip()


def banner(meta: Mapping[str, Any]) -> etree.Element | None:
    """The unmistakable 历史文本 banner (role=note, read out by screen readers too)."""
    if not is_superseded(meta):
        return None
    box = etree.Element("div", {"class": "fz-law-banner", "role": "note"})
    head = etree.SubElement(box, "strong", {"class": "fz-law-banner-head"})
    head.text = BANNER_HEAD
    text = etree.SubElement(box, "span", {"class": "fz-law-banner-text"})
    text.text = banner_text(meta)
    if meta.get(COMPARISONS):
        _comparison_links(etree.SubElement(box, "span", {"class": "fz-law-banner-duizhao"}), meta, "新旧对照：")
    return box


def notes(blocks: list[Block]) -> etree.Element | None:
    """The 题注 as one small parenthesised block, a line per history entry.

    The parentheses come from the stylesheet, so no character is added to the text;
    when the source already ends with a stray ）, the closing one is left out, and when
    the source brackets the whole 题注 itself, both are.
    """
    if not blocks:
        return None
    classes = "fz-notes"
    last = blocks[-1].text.rstrip()
    every = "".join(block.text for block in blocks)
    if last.endswith("）") and last.count("（") < last.count("）"):
        classes += " fz-notes-closed"
    elif blocks[0].text.lstrip().startswith("（") and last.endswith("）") and every.count("（") == every.count("）"):
        # Pasted as printed: the whole 题注 already in brackets (（2020年5月28日……通过）).
        classes += " fz-notes-bracketed"
    box = etree.Element("div", {"class": classes})
    for block in blocks:
        line = etree.SubElement(box, "p")
        line.text = block.text
    return box


def metadata(meta: Mapping[str, Any], excerpt: Excerpt | None = None,
             versions: Sequence[Version] = ()) -> etree.Element:
    """效力级别, 制定机关, dates and 时效性 where known, the part an excerpt holds, the other
    versions of the law, then the source with its link."""
    box = etree.Element("dl", {"class": "fz-law-meta"})
    rows = [
        ("效力级别", str(meta.get("level") or "")),
        ("制定机关", str(meta.get("制定机关") or "")),
        ("公布日期", chinese_date(meta.get("公布日期"))),
        ("施行日期", chinese_date(meta.get("施行日期"))),
        ("时效性", "已被修订（历史文本）" if is_superseded(meta) else "现行有效"),
    ]
    for label, value in rows:
        if value:
            _row(box, label).text = value
    if excerpt:
        _row(box, EXCERPT_MARK).text = excerpt_range(excerpt)
    _versions(box, versions)
    source = meta.get("source") or {}
    if isinstance(source, Mapping) and (source.get("url") or source.get("repository")):
        cell = _row(box, "文本来源")
        cell.text = f"{_UPSTREAM}，据 {source.get('repository') or '公开整理本'} 收录"
        if source.get("url"):
            cell.text += "（"
            link = etree.SubElement(cell, "a", {"href": str(source["url"]), "rel": "noopener"})
            link.text = "来源文件"
            link.tail = "）"
    if meta.get(COMPARISONS):
        _comparison_links(_row(box, "新旧对照"), meta)
    return box


def excerpt_range(excerpt: Excerpt) -> str:
    """第五编 婚姻家庭（第一千零四十条至第一千一百一十八条）."""
    span = excerpt.first.label + (f"至{excerpt.last.label}" if excerpt.last else "起")
    return f"{excerpt.part}（{span}）" if excerpt.part else span


def _versions(box: etree.Element, versions: Sequence[Version]) -> None:
    """A 现行文本 row and a 历史文本 row, each linking the other versions with their dates."""
    for label, current in ((CURRENT_LABEL, True), (HISTORY_LABEL, False)):
        found = [v for v in versions if v.current == current]
        if not found:
            continue
        cell = _row(box, label)
        for index, version in enumerate(found):
            link = etree.SubElement(cell, "a", {"href": version.href, "class": "fz-law-version"})
            link.text = f"{version.date}公布的文本" if version.date else "文本"
            link.tail = "；" if index < len(found) - 1 else None

def _comparison_links(parent: etree.Element, meta: Mapping[str, Any], lead: str = "") -> None:
    """新旧对照 links: what changed between this text and its other version."""
    parent.text = lead
    for k, (label, href) in enumerate(meta[COMPARISONS]):
        link = etree.SubElement(parent, "a", {"href": href, "class": "fz-duizhao-link"})
        link.text = label
        link.tail = "；" if k + 1 < len(meta[COMPARISONS]) else ""


def _row(box: etree.Element, label: str) -> etree.Element:
    term = etree.SubElement(box, "dt")
    term.text = label
    return etree.SubElement(box, "dd")
