"""Internal links whose target file does not exist.

Pages link by source path (`2024.md`, `../handbook/xianfa.md#t10`); the site mounts
docs/ at its root and the handbook folder at /handbook/ (fazhi.addresses), and links resolve
in that tree, whatever folder holds the laws on disk.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from fazhi.diagnostics import Diagnostic
from fazhi.addresses import HANDBOOK_INDEX, Addresses
from fazhi.check.markers import body_lines
from fazhi.check.source import Source

_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")


#: Pages the build generates without a source file (the handbook's index, by fazhi.law).
GENERATED_PAGES = {HANDBOOK_INDEX}


def exists(addresses: Addresses, uri: str) -> bool:
    return uri in GENERATED_PAGES or addresses.source_file(uri) is not None


def check_links(source: Source, addresses: Addresses) -> list[Diagnostic]:
    found = []
    for line, text in body_lines(source):
        for match in _LINK.finditer(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)):
            target = match.group(1)
            if _EXTERNAL.match(target):
                continue
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            uri = posixpath.normpath(posixpath.join(posixpath.dirname(source.uri), path))
            if uri.startswith("../") or not exists(addresses, uri):
                found.append(Diagnostic(source.path, line, match.start() + 1, "error", f"链接目标“{target}”不存在"))
    return found
