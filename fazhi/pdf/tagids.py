"""Repeatable ids in the structure tree of a tagged PDF.

WeasyPrint names each table header cell (TH) by the Python `id()` of its layout box and
lists those names in the `Headers` of the data cells, so the bytes of a PDF with a table
(the 新旧对照 对照表) change from one run to the next. Runs as part of WeasyPrint's finisher:
the names become th1, th2 … in the order the tree lists them, every reference renamed alike.
"""

from __future__ import annotations

import pydyf


def stable_header_ids(pdf: pydyf.PDF) -> None:
    """Rename every StructElem /ID (and its mentions in /Headers) by order of appearance."""
    names: dict[object, pydyf.String] = {}
    elements = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/StructElem"]
    for element in elements:
        if isinstance(element.get("ID"), pydyf.String):
            names[element["ID"].string] = pydyf.String(f"th{len(names) + 1}")
            element["ID"] = names[element["ID"].string]
    for element in elements:
        attributes = element.get("A")
        if isinstance(attributes, pydyf.Dictionary) and isinstance(attributes.get("Headers"), pydyf.Array):
            attributes["Headers"] = pydyf.Array(
                names.get(h.string, h) if isinstance(h, pydyf.String) else h for h in attributes["Headers"])
