"""Site settings kept under `extra.fazhi` in mkdocs.yml: one schema, read once, used by all.

They live under `extra` because MkDocs rejects unknown top-level keys under --strict. The
schema is declared with MkDocs' own config options (as Material declares its plugins'), so a
wrong value gets a message naming its key (`extra.fazhi.pdf.handbook_size: …`) and a
misspelt key is reported instead of silently ignored. The build hooks, `fazhi check` and
the CLI all call `Settings.from_extra`, so they can never disagree about folders or schemes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c

from fazhi.report.numbering import SCHEMES
from fazhi.site.footer import FIELDS as FOOTER_FIELDS

PAPER_SIZES = ("A4", "A5")
DEFAULT_SIGNATURE = 16
#: The 版权页 lines that come from mkdocs.yml (开本 and 印张 are computed).
IMPRINT_KEYS = ("编印单位", "印数", "印制日期")


class SettingsError(ValueError):
    """A wrong value in extra.fazhi; the message names the key and is shown to staff as is."""


class _Paper(c.Choice):
    """A4 or A5, in any letter case."""

    def run_validation(self, value: object) -> str:
        return super().run_validation(str(value).upper())


class _Signature(c.Type):
    """Pages per booklet signature: a positive multiple of 4."""

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if value < 4 or value % 4:
            raise c.ValidationError(f"每帖页数必须是 4 的倍数（至少 4），而不是 {value}")
        return value


class _Numbering(c.Type):
    """{"default": scheme, "<folder>/": scheme, …} with every scheme known."""

    def run_validation(self, value: object) -> dict[str, str]:
        value = {str(k): str(v) for k, v in super().run_validation(value).items()}
        for key, scheme in value.items():
            if scheme not in SCHEMES:
                raise c.ValidationError(f"{key}: 未知的编号方案 {scheme!r}，可用：{', '.join(SCHEMES)}")
        return value


class _Fields(c.Type):
    """{"name": "text", …} with names from a fixed list (the footer's fields, the 版权页's lines);
    an empty field is left out, as the page leaves it out."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__(dict, default={})
        self.names = names

    def run_validation(self, value: object) -> dict[str, str]:
        value = super().run_validation(value)
        unknown = [str(key) for key in value if key not in self.names]
        if unknown:
            raise c.ValidationError(f"未知的项：{'、'.join(unknown)}；可用的项：{'、'.join(self.names)}")
        return {str(k): str(v).strip() for k, v in value.items() if v is not None and str(v).strip()}


class StaffPagesSchema(base.Config):
    """extra.fazhi.staff_pages: pages for staff, left out of the published site unless publish."""

    pages = c.ListOfItems(c.Type(str), default=["guide.md"])
    publish = c.Type(bool, default=False)


class PdfSchema(base.Config):
    """extra.fazhi.pdf: paper of the whole handbook and of each law, pages per signature."""

    handbook_size = _Paper(PAPER_SIZES, default="A5")
    law_size = _Paper(PAPER_SIZES, default="A5")
    booklet_signature = _Signature(int, default=DEFAULT_SIGNATURE)
    #: Licensed faces by role (a file path or an installed family name); checked by fazhi.pdf.fonts.
    fonts = c.Type(dict, default={})
    #: The 版权页 on the back of the handbook's title page.
    imprint = _Fields(IMPRINT_KEYS)


class FazhiSchema(base.Config):
    """extra.fazhi as a whole."""

    bureau = c.Type(str, default="")
    #: Folder of the law texts, relative to mkdocs.yml.
    handbook = c.Type(str, default="handbook")
    #: Top-level navigation order: files, or folders ending in /.
    nav_order = c.ListOfItems(c.Type(str), default=[])
    numbering = _Numbering(dict, default={})
    pdf = c.SubConfig(PdfSchema)
    staff_pages = c.SubConfig(StaffPagesSchema)
    #: The legal footer: 主办单位, contact, 网站标识码, 备案号 (empty fields are not shown).
    footer = _Fields(FOOTER_FIELDS)


@dataclass(frozen=True)
class PdfOptions:
    handbook_size: str = "A5"
    law_size: str = "A5"
    booklet_signature: int = DEFAULT_SIGNATURE
    fonts: Mapping[str, str] = field(default_factory=dict)
    imprint: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """The validated extra.fazhi, typed."""

    bureau: str = ""
    handbook: str = "handbook"
    nav_order: tuple[str, ...] = ()
    #: Scheme for pages that say nothing and match no prefix.
    numbering_default: str = "none"
    #: Folder prefix (as in docs/) → scheme, e.g. {"reports/": "gongwen"}; longest prefix wins.
    numbering_by_path: dict[str, str] = field(default_factory=dict)
    pdf: PdfOptions = PdfOptions()
    #: Staff pages (the 编辑指南) and whether a published build keeps them.
    staff_pages: tuple[str, ...] = ("guide.md",)
    publish_staff_pages: bool = False
    footer: Mapping[str, str] = field(default_factory=dict)
    #: Keys in extra.fazhi that the schema does not know (reported as warnings).
    unknown_keys: tuple[str, ...] = ()

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any] | None) -> "Settings":
        """Validate extra.fazhi; raises SettingsError naming the first wrong key."""
        schema = FazhiSchema()
        schema.load_dict(dict((extra or {}).get("fazhi") or {}))
        failed, warnings = schema.validate()
        if failed:
            key, error = failed[0]
            raise SettingsError(f"mkdocs.yml 中 extra.fazhi.{key} 的设置有误：{error}")
        numbering = dict(schema.numbering)
        pdf = schema.pdf
        return cls(
            bureau=schema.bureau,
            handbook=schema.handbook,
            nav_order=tuple(schema.nav_order),
            numbering_default=numbering.pop("default", "none"),
            numbering_by_path=numbering,
            pdf=PdfOptions(pdf.handbook_size, pdf.law_size, pdf.booklet_signature,
                           {str(k): str(v) for k, v in pdf.fonts.items()}, dict(pdf.imprint)),
            staff_pages=tuple(schema.staff_pages.pages),
            publish_staff_pages=schema.staff_pages.publish,
            footer=dict(schema.footer),
            unknown_keys=tuple(_unknown(warnings)),
        )

    def scheme_for(self, src_uri: str, meta: Mapping[str, Any]) -> str:
        """Front matter `numbering:` wins, then the longest matching folder prefix, then the default."""
        if meta.get("numbering"):
            return str(meta["numbering"])
        prefixes = [p for p in self.numbering_by_path if src_uri.startswith(p)]
        return self.numbering_by_path[max(prefixes, key=len)] if prefixes else self.numbering_default

    def handbook_root(self, project: Path) -> Path:
        """The law texts' folder for the project whose mkdocs.yml is in `project`."""
        return project / self.handbook

    def unknown_key_messages(self) -> list[str]:
        return [f"mkdocs.yml 中 extra.fazhi 的设置项 {key} 无法识别（拼写是否有误？），已忽略" for key in self.unknown_keys]


def _unknown(warnings: list[tuple[str, object]]) -> list[str]:
    """Dotted names of unrecognised keys, from MkDocs' validation warnings.

    MkDocs says "Unrecognised configuration name: bar" for a key of extra.fazhi, and
    "Sub-option 'foo': Unrecognised configuration name: foo" for one inside pdf.
    """
    names = []
    for key, warning in warnings:
        text = str(warning)
        if "Unrecognised configuration name" not in text:
            continue
        sub = text.split("'")[1] if text.startswith("Sub-option '") else None
        names.append(f"{key}.{sub}" if sub else key)
    return names
