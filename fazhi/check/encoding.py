"""File-level checks: encoding, BOM, zero-width characters, Windows line ends and tabs —
and `--fix` for all but tabs.

A GBK file renders as mojibake or stops the build; a BOM can hide the front matter;
a tab at a line start turns a paragraph into a code block. Zero-width characters are
named by `fazhi.check.invisible` (reported with the encoding, as they are a matter of
what bytes the file holds).
"""

from __future__ import annotations

from fazhi.diagnostics import Diagnostic
from fazhi.check.invisible import check_zero_width, fixed_text
from fazhi.check.source import Source

FIX_HINT = "运行 fazhi check --fix 可自动转换"


def check_encoding(source: Source) -> list[Diagnostic]:
    found = []
    if source.decoded.encoding != "utf-8":
        name = "GBK/GB18030" if source.decoded.encoding == "gb18030" else "未知"
        found.append(Diagnostic(
            source.path, 1, 1, "error",
            f"文件不是 UTF-8 编码（看起来是 {name} 编码）；{FIX_HINT}，或在记事本/WPS 中“另存为”并选择 UTF-8 编码",
        ))
    if source.decoded.bom:
        found.append(Diagnostic(source.path, 1, 1, "warning", f"文件开头有 BOM（字节顺序标记），可能使前置信息失效；{FIX_HINT}"))
    return found + check_zero_width(source)


def check_line_ends(source: Source) -> list[Diagnostic]:
    crlf = source.data.count(b"\r\n")
    if not crlf:
        return []
    first = source.data[: source.data.index(b"\r\n")].count(b"\n") + 1
    return [Diagnostic(source.path, first, 1, "warning", f"文件使用 Windows 换行符（CRLF，共{crlf}行）；{FIX_HINT}")]


def check_tabs(source: Source) -> list[Diagnostic]:
    found = []
    for number, line in enumerate(source.text.split("\n"), start=1):
        col = line.find("\t")
        if col >= 0:
            where = "行首的制表符会使段落变成代码块" if not line[:col].strip() else "请改用空格或删除"
            found.append(Diagnostic(source.path, number, col + 1, "warning", f"含制表符（Tab）：{where}"))
    return found


def fixed_bytes(source: Source) -> bytes | None:
    """The file as UTF-8 without BOM or zero-width characters and with LF line ends, or None
    when nothing changes."""
    if source.decoded.encoding == "unknown":
        return None
    text = fixed_text(source.text.replace("\r\n", "\n"))
    data = text.encode("utf-8")
    return None if data == source.data else data

