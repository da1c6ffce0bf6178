"""Importing reports and laws that staff bring as Word (.docx) or text (.txt) files."""

from __future__ import annotations

from pathlib import Path

from fazhi.importer.law import convert_law
from fazhi.importer.report import Imported, convert_report
from fazhi.importer.source import Para, paragraphs_from_text
from fazhi.importer.textfile import read_text
from fazhi.importer.word import paragraphs_from_docx

def read_paragraphs(path: Path) -> list[Para]:
    """Paragraphs of a .docx or .txt file (UTF-8, GBK or GB18030)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return paragraphs_from_docx(path)
    if suffix == ".txt":
        return paragraphs_from_text(read_text(path).text)
    raise ValueError(f"{path}: 只能导入 .docx 或 .txt 文件（.doc 和 .wps 请先在 Word/WPS 中“另存为” .docx）")


def import_file(path: Path, *, law: bool = False) -> Imported:
    """The project Markdown for a report (or, with `law`, a law text) in `path`."""
    paras = read_paragraphs(path)
    return (convert_law if law else convert_report)(paras, str(path))


__all__ = ["Imported", "import_file", "read_paragraphs"]
