"""Wires the 公文 report layout and the yearly archive into MkDocs."""

from mkdocs.utils.meta import get_data

from fazhi.report import gongwen
from fazhi.report import archive as reports

_entries: list[reports.ReportEntry] = []


def on_files(files, config):
    global _entries
    triples = []
    for f in files.documentation_pages():
        if reports.REPORT_FILE.match(f.src_uri):
            triples.append((f.src_uri, f.url, get_data(f.content_string)[1]))
    _entries = reports.entries(triples)
    return files


def on_page_markdown(markdown, page, config, files):
    if reports.LIST_MARKER in markdown:
        markdown = markdown.replace(reports.LIST_MARKER, reports.list_markdown(_entries))
    return markdown


def on_page_content(html, page, config, files):
    return gongwen.wrap_report(html, page.meta) if gongwen.is_report(page.meta) else html


def on_nav(nav, config, files):
    return reports.arrange_nav(nav)
