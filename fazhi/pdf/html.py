"""Print HTML: the rendered page body without the site chrome, shaped for print.css.

Input is what MkDocs renders into a page (page.content after all content steps): the same
Markdown, numbering, 公文 head and signature as the web page. Only print concerns are added
here: run-in headings moved into their paragraph, title lines balanced, break points for
two-edge justification (grid.py), and for the handbook a cover, a 目录 and one section per law.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape

from lxml import html as lhtml

from fazhi import contract
from fazhi.text.segment import cut
from fazhi.pdf import grid, qr

#: A 2号 (22 pt) title line in the 156 mm 版心 holds 20 字; longer titles are split in two.
TITLE_CHARS_PER_LINE = 20
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def fragment(content: str):
    """Parse a page body into one <div> element (lxml keeps text and tails verbatim)."""
    return lhtml.fragment_fromstring(content, create_parent="div")


def serialize(el) -> str:
    return lhtml.tostring(el, encoding="unicode")


def run_in(root) -> None:
    """Move each run-in heading (h*.fz-run-in) into the paragraph after it, as a span.

    GB/T 9704 documents print 「（一）加强普查宣传，创新宣传形式。」 and the body on the
    same line; the span keeps the heading's level (its face) and its id (links, bookmarks).
    """
    for heading in list(root.iter(*_HEADINGS)):
        following = heading.getnext()
        if contract.RUN_IN not in (heading.get("class") or "").split() or following is None or following.tag != "p":
            continue
        span = lhtml.Element("span", {"class": f"{contract.RUN_IN} fz-{heading.tag}"})
        if heading.get("id"):
            span.set("id", heading.get("id"))
        span.text = heading.text
        for child in list(heading):
            span.append(child)
        span.tail = following.text
        following.text = None
        following.insert(0, span)
        following.set("class", ((following.get("class") or "") + " fz-has-run-in").strip())
        heading.getparent().remove(heading)


def title_lines(title: str, chars_per_line: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """Split a long title at the word boundary (jieba) that balances its two lines best.

    7.3.1: 回行时要做到词意完整，排列对称 — never a break inside a word; a title that fits
    stays on one line.
    """
    if _width(title) <= chars_per_line:
        return [title]
    cuts, pos = [], 0
    for word in cut(title):
        pos += len(word)
        cuts.append(pos)
    best = min(cuts[:-1] or [len(title) // 2], key=lambda c: abs(_width(title[:c]) - _width(title[c:])))
    return [title[:best], title[best:]]


def _width(text: str) -> float:
    """Width in 字: CJK characters count 1, half-width characters ½."""
    return sum(1 if grid.is_wide(ch) else 0.5 for ch in text)


def balance_title(root) -> None:
    """Break h1.fz-title (a plain-text title) into balanced lines with <br>."""
    for h1 in root.iter("h1"):
        if contract.TITLE in (h1.get("class") or "").split() and len(h1) == 0 and h1.text:
            lines = title_lines(h1.text)
            h1.text = lines[0]
            for line in lines[1:]:
                br = lhtml.Element("br")
                br.tail = line
                h1.append(br)


@dataclass(frozen=True)
class DocInfo:
    """PDF metadata; `created` from SOURCE_DATE_EPOCH keeps rebuilds byte-identical."""

    title: str
    author: str
    created: datetime
    lang: str = "zh-CN"

    def head(self) -> str:
        stamp = self.created.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            f'<meta charset="utf-8"><title>{escape(self.title)}</title>'
            f'<meta name="author" content="{escape(self.author)}">'
            f'<meta name="generator" content="fazhi">'
            f'<meta name="dcterms.created" content="{stamp}">'
            f'<meta name="dcterms.modified" content="{stamp}">'
        )


def document(body: str, info: DocInfo, body_class: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{info.lang}"><head>{info.head()}</head>'
        f'<body class="fz-print {body_class}">\n{body}\n</body></html>\n'
    )


def report_html(content: str, info: DocInfo, url: str = "") -> str:
    """Print HTML of a 公文 report from its rendered page body (head, body, signature), with
    a QR code to its web page `url` after the signature (none without a URL)."""
    root = fragment(content)
    run_in(root)
    balance_title(root)
    grid.justify(root)
    return document(serialize(root) + qr.block(url, qr.REPORT_CAPTION), info, "fz-report")


# --------------------------------------------------------------------------- handbook

@dataclass(frozen=True)
class LawPrint:
    """One law for print: its stem (id prefix), title, category and rendered page body."""

    stem: str
    title: str
    category: str
    content: str
    url: str = ""  # the law's page on the site, for its QR code ("" without site_url)


def law_section(law: LawPrint, in_book: set[str]) -> str:
    """A law's page body as a print section; ids prefixed with the stem so laws can share a book.

    Links inside the law and to other laws of the book become in-PDF links; links to pages
    outside the book keep their text only.
    """
    root = fragment(law.content)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", f"{law.stem}--{el.get('id')}")
        href = el.get("href") if el.tag == "a" else None
        if href is not None:
            target = _book_target(href, law.stem, in_book)
            if target:
                el.set("href", target)
            elif not href.startswith(("http://", "https://")):
                del el.attrib["href"]
    for h1 in root.iter("h1"):
        h1.set("class", ((h1.get("class") or "") + " fz-law-title").strip())
        if law.url:
            h1.addnext(lhtml.fragment_fromstring(qr.block(law.url, qr.LAW_CAPTION)))
        break
    grid.justify(root)
    return f'<section class="fz-law" id="law-{law.stem}">\n{serialize(root)}\n</section>'


def _book_target(href: str, stem: str, in_book: set[str]) -> str | None:
    """`#t5` → `#stem--t5`; `../other/#t5` → `#other--t5` when `other` is in the book."""
    if href.startswith("#"):
        return f"#{stem}--{href[1:]}" if len(href) > 1 else None
    if "://" in href:
        return None
    path, _, anchor = href.partition("#")
    other = path.strip("/").split("/")[-1].removesuffix(".md")
    if other in in_book:
        return f"#{other}--{anchor}" if anchor else f"#law-{other}"
    return None


#: The cover title (2.4 em in the A5/A4 cover's 76 % width) is balanced over lines of ≤ 10 字.
COVER_CHARS_PER_LINE = 10


def cover(title: str, bureau: str, year: int | None) -> str:
    """The title page; the year (from 印制日期) only when known."""
    lines = "<br>".join(escape(line) for line in title_lines(title, COVER_CHARS_PER_LINE))
    year_line = f'<div class="fz-cover-year">{year}年</div>' if year else ""
    return (f'<section class="fz-cover"><div class="fz-cover-title">{lines}</div>'
            f'<div class="fz-cover-bureau">{escape(bureau)}</div>{year_line}</section>')


def toc(groups: list[tuple[str, list[LawPrint]]], preface_title: str = "") -> str:
    """目录: the 前言 (when there is one), categories and law titles with page numbers from
    target-counter (print.css)."""
    parts = ['<nav class="fz-toc"><h1 class="fz-toc-title">目　录</h1>']
    if preface_title:
        parts.append(f'<ul class="fz-toc-front"><li><a href="#preface">{escape(preface_title)}</a></li></ul>')
    for name, laws in groups:
        parts.append(f'<div class="fz-toc-category">{escape(name)}</div><ul>')
        parts.extend(f'<li><a href="#law-{law.stem}">{escape(law.title)}</a></li>' for law in laws)
        parts.append("</ul>")
    parts.append("</nav>")
    return "".join(parts)


def handbook_html(title: str, bureau: str, year: int | None, groups: list[tuple[str, list[LawPrint]]],
                  info: DocInfo, size: str, front: str = "", preface_title: str = "") -> str:
    """The whole handbook: cover, then `front` (版权页 and 前言, frontmatter_pages.py), 目录,
    then every law from a new right-hand page."""
    in_book = {law.stem for _, laws in groups for law in laws}
    sections = [law_section(law, in_book) for _, laws in groups for law in laws]
    body = cover(title, bureau, year) + front + toc(groups, preface_title) + "\n".join(sections)
    return document(body, info, f"fz-book fz-{size.lower()}")


def law_html(law: LawPrint, info: DocInfo, size: str) -> str:
    """One law alone (the single-law booklets handed out at the 婚姻登记处)."""
    return document(law_section(law, {law.stem}), info, f"fz-book fz-single fz-{size.lower()}")
