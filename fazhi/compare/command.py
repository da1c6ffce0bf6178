"""`fazhi compare OLD NEW [-o out.html|out.pdf]`: check a draft revision before publishing.

The same engine as the site. A handbook Markdown file is read as it is; a Word (.docx) or
text (.txt) file goes through the law importer first. Without -o the summary and the list
of changed articles are printed.
"""

from __future__ import annotations

import sys
from importlib import resources
from html import escape
from pathlib import Path

from fazhi.compare import html
from fazhi.compare.comparison import STATUS_WORDS, Comparison, compare_texts
from fazhi.compare.pairs import read_version
from fazhi.diagnostics import Diagnostic
from fazhi.importer import import_file
from fazhi.law.meta import chinese_date

OUTPUTS = (".html", ".pdf")


def load(path: Path) -> tuple[str, str, list[Diagnostic]]:
    """(law Markdown, how the table header names it, importer notes) of one input file."""
    if path.suffix.lower() == ".md":
        version = read_version(path)
        shown = chinese_date(version.meta.get("公布日期"))
        return path.read_text(encoding="utf-8"), f"{shown}公布" if shown else path.name, []
    imported = import_file(path, law=True)
    return imported.markdown, path.name, imported.diagnostics


def standalone_html(comparison: Comparison) -> str:
    """One HTML file with its stylesheet and script inside, to open or send as it is."""
    package = resources.files("fazhi.compare")
    css = package.joinpath(html.STYLESHEET).read_text(encoding="utf-8")
    js = package.joinpath(html.SCRIPT).read_text(encoding="utf-8")
    title = escape(html.page_title(comparison.title))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            f'<style>body{{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em auto;'
            f'max-width:80em;padding:0 1em}}\n{css}</style></head>\n<body><h1>{title}</h1>\n'
            f'{html.body_html(comparison)}\n<script>{js}</script></body></html>\n')


def text_report(comparison: Comparison) -> str:
    """The summary, then one line per row that is not unchanged (修改：第九条 → 第九条)."""
    counts = comparison.counts()
    lines = ["、".join(f"{STATUS_WORDS[s]} {n} 条" for s, n in counts.items())]
    for marked in comparison.rows:
        row = marked.row
        if row.status == "same" or row.kind == "heading" and row.status == "renumbered":
            continue
        old = "、".join(u.label or u.paragraphs[0][:12] for u in row.old) or "（无）"
        new = "、".join(u.label or u.paragraphs[0][:12] for u in row.new) or "（无）"
        lines.append(f"{STATUS_WORDS[row.status]}：{old} → {new}")
    return "\n".join(lines) + "\n"


def run(old: Path, new: Path, output: Path | None, cache: Path) -> int:
    """Compare two files; write `output` (.html or .pdf) or print the changes. Exit status."""
    for path in (old, new):
        if not path.is_file():
            print(f"{path}: 错误：文件不存在", file=sys.stderr)
            return 1
    if output is not None and output.suffix.lower() not in OUTPUTS:
        print(f"{output}: 错误：输出文件只能是 .html 或 .pdf", file=sys.stderr)
        return 1
    try:
        (old_text, old_label, old_notes), (new_text, new_label, new_notes) = load(old), load(new)
    except (OSError, ValueError) as error:
        print(f"错误：无法读取：{error}", file=sys.stderr)
        return 1
    for note in [*old_notes, *new_notes]:
        if note.level != "info":
            print(note, file=sys.stderr)
    comparison = compare_texts(old_text, new_text, old_label=old_label, new_label=new_label)
    if not any(r.row.kind != "heading" for r in comparison.rows):
        print(f"错误：{old} 和 {new} 中没有找到条文（第一条、第二条……），无法对照", file=sys.stderr)
        return 1
    if output is None:
        sys.stdout.write(text_report(comparison))
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix.lower() == ".pdf":
        from fazhi.compare.pdf import write_pdf
        from fazhi.pdf.render import Renderer

        renderer = Renderer(cache)
        try:
            write_pdf(comparison, output, renderer)
        finally:
            renderer.close()
    else:
        output.write_text(standalone_html(comparison), encoding="utf-8")
    print(f"已写入 {output}：{text_report(comparison).splitlines()[0]}", file=sys.stderr)
    return 0
