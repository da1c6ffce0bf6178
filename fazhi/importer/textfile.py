"""Reading text files staff bring from Windows: UTF-8 (with or without BOM), GBK or GB18030.

Notepad and WPS on Chinese Windows still save GBK by default; the site's sources must be
UTF-8, so both the importer and `fazhi check` need to know which one a file is.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

#: Encodings charset-normalizer may name for Chinese legacy text; GB18030 decodes all of them.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz"}


@dataclass(frozen=True)
class Decoded:
    text: str
    #: "utf-8" or the legacy encoding the bytes were read as (normally "gb18030").
    encoding: str
    bom: bool


def decode(data: bytes) -> Decoded:
    """Decode `data`, preferring UTF-8; legacy Chinese text is read as GB18030 (a superset of GBK)."""
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8", bom)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    name = (best.encoding if best else "gb18030").lower()
    if name in _GB_FAMILY or name.startswith("gb"):
        name = "gb18030"
    try:
        return Decoded(data.decode(name), name, False)
    except (UnicodeDecodeError, LookupError):
        return Decoded(data.decode("gb18030", errors="replace"), "unknown", False)


def read_text(path) -> Decoded:
    with open(path, "rb") as handle:
        return decode(handle.read())
