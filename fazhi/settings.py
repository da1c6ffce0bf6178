"""The site's settings, typed: what the `fazhi` plugin's options in mkdocs.yml say, once validated.

The schema (MkDocs config options, with Chinese messages naming the key) lives with the plugin in
fazhi/site/config.py; it makes one `Settings`, which the build's steps, `fazhi check` and the CLI
all read, so they can never disagree about folders or schemes. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Mapping

from fazhi.addresses import HANDBOOK

PAPER_SIZES = ("A4", "A5")
DEFAULT_SIGNATURE = 16
#: The 版权页 lines that come from the settings (开本 and 印张 are computed).
IMPRINT_KEYS = ("编印单位", "印数", "印制日期")


class SettingsError(ValueError):
    """A wrong setting; the message names the key and is shown to staff as is."""


@dataclass(frozen=True)
class PdfOptions:
    #: Whether this build writes PDFs and links to them (FAZHI_PDF=0 says no: `pdfs_wanted`).
    enabled: bool = True
    handbook_size: str = "A5"
    law_size: str = "A5"
    booklet_signature: int = DEFAULT_SIGNATURE
    fonts: Mapping[str, str] = field(default_factory=dict)
    imprint: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FeedbackOptions:
    """What a government page offers beyond the legal footer (fazhi.feedback); "" hides each."""

    #: The 党政机关网站标识: its image (a file under docs/, site-relative) and the record it links to.
    site_mark_image: str = ""
    site_mark_link: str = ""
    #: The 我为政府网站找错 address of this site.
    zhaocuo: str = ""
    #: The mailbox of every page's 纠错 link ("" falls back to the footer's 电子邮箱).
    email: str = ""


@dataclass(frozen=True)
class PortalOptions:
    """The site as a column of the county portal (fazhi.portal): the portal's header and footer
    files, relative to mkdocs.yml; both empty for a site of its own."""

    header: str = ""
    footer: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.header)


@dataclass(frozen=True)
class Settings:
    """The validated plugin options, typed."""

    bureau: str = ""
    #: Folder of the law texts, relative to mkdocs.yml (fazhi.addresses.Addresses.handbook_folder).
    handbook: str = HANDBOOK
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
    feedback: FeedbackOptions = FeedbackOptions()
    portal: PortalOptions = PortalOptions()

    def scheme_for(self, src_uri: str, meta: Mapping[str, Any]) -> str:
        """Front matter `numbering:` wins, then the longest matching folder prefix, then the default."""
        if meta.get("numbering"):
            return str(meta["numbering"])
        prefixes = [p for p in self.numbering_by_path if src_uri.startswith(p)]
        return self.numbering_by_path[max(prefixes, key=len)] if prefixes else self.numbering_default


def pdfs_wanted(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a build writes PDFs (and so may link to them): FAZHI_PDF=0/off/false/no says no."""
    return str(environ.get("FAZHI_PDF", "1")).strip().lower() not in ("0", "off", "false", "no")
