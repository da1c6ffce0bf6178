"""The yearly report archive: every docs/reports/<year>.md, newest first.

Adding a year is adding one file: the list is derived from the files and their front
matter, never kept by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from fazhi.addresses import REPORT_FILE, pdf_path, report_uri

LIST_MARKER = "<!-- fazhi:reports-list -->"


@dataclass(frozen=True)
class ReportEntry:
    year: int
    title: str
    date: str
    url: str


def entries(files: Iterable[tuple[str, str, Mapping[str, Any]]]) -> list[ReportEntry]:
    """Report entries from (src_uri, url, meta) triples, newest year first."""
    found = []
    for src_uri, url, meta in files:
        match = REPORT_FILE.match(src_uri)
        if match:
            year = int(match["year"])
            found.append(ReportEntry(year, str(meta.get("title") or f"{year}年度报告"), str(meta.get("成文日期") or ""), url))
    return sorted(found, key=lambda e: e.year, reverse=True)


def list_markdown(reports: list[ReportEntry], *, pdf: bool, base: str = "", site_root: str = "../") -> str:
    """A Markdown table of the archive; links are relative to the reports index page. `pdf`:
    whether this build writes PDFs to link to (FAZHI_PDF=0 builds have none)."""
    if not reports:
        return "暂无年度报告。"
    rows = ["| 年度 | 报告 | 成文日期 |" + (" PDF |" if pdf else ""), "| --- | --- | --- |" + (" --- |" if pdf else "")]
    for entry in reports:
        # Raw HTML: the PDF is written after the build, so MkDocs' link check cannot see it.
        link = f' <a href="{site_root}{pdf_path(report_uri(entry.year))}">下载</a> |' if pdf else ""
        rows.append(f"| {entry.year}年度 | [{entry.title}]({base}{entry.year}.md) | {entry.date} |{link}")
    return "\n".join(rows)
