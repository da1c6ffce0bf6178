"""The site as a column (专题/专栏) of the county portal: the portal's header and footer fragments.

A county department publishes through the county portal (国办发〔2017〕47号): its special
projects are columns under the portal's domain, framed by the portal's shared header and footer.
The portal supplies those as two HTML files; they are the portal's content, not the bureau's, and
go onto every page, so they pass the same allow-list as author HTML (fazhi/security/sanitize.py):
no script, no style, no outside image; every cut is an error naming file, line and column.

Addresses in a fragment: absolute ones (https://www.example.gov.cn/…) and host-absolute ones
(/xxgk/, the portal's own pages on the same domain) are kept; a relative one (handbook/) means a
page of this site, from its root, and is rewritten for each page's depth.

Every address of a column starts with the path of its `site_url` (fazhi.addresses.site_prefix);
a column at the host's root would take the portal's own addresses, so it is refused.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.addresses import Addresses, site_prefix
from fazhi.diagnostics import Diagnostic
from fazhi.security.sanitize import clean_html
from fazhi.settings import PortalOptions

_NOT_RELATIVE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|/|#|\?)")


def is_site_relative(url: str) -> bool:
    """Whether `url` names a page of this site from its root (no scheme, not host-absolute, not #)."""
    return bool(url) and not _NOT_RELATIVE.match(url)


@dataclass
class Fragment:
    """One fragment as the portal wrote it; `at(base_url)` cleans it for a page whose root is
    `base_url` (MkDocs' relative root: ".", "../..", or "/zt/fzjs" on the 404 page)."""

    source: str
    _by_base: dict[str, str] = field(default_factory=dict, repr=False)

    def at(self, base_url: str) -> str:
        if base_url not in self._by_base:
            rebase = lambda url: from_root(base_url, url) if is_site_relative(url) else url  # noqa: E731
            self._by_base[base_url] = clean_html(self.source, rebase)[0]
        return self._by_base[base_url]


def from_root(base_url: str, url: str) -> str:
    """The site-relative `url` for a page whose root is `base_url`: ("../..", "handbook/") → "../../handbook/"."""
    path, mark, rest = url.partition("?") if "?" in url else url.partition("#")
    joined = posixpath.normpath(posixpath.join(base_url, path))
    return joined + ("/" if path.endswith("/") or path in ("", ".") else "") + mark + rest


def load_fragment(path: Path, shown_as: str) -> tuple[Fragment, list[Diagnostic]]:
    """The allowed part of the fragment at `path`, and an error (file:line:col) for each cut.

    `shown_as` is the path as staff know it (relative to mkdocs.yml), used in the messages.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Fragment(""), [Diagnostic(shown_as, 1, 1, "error", "找不到门户网站提供的页头或页脚文件")]
    except UnicodeDecodeError as error:
        line = path.read_bytes()[:error.start].count(b"\n") + 1
        return Fragment(""), [Diagnostic(shown_as, line, 1, "error", "文件不是 UTF-8 编码：请另存为 UTF-8")]
    findings = clean_html(text)[1]
    return Fragment(text), [Diagnostic(shown_as, line, col, "error", message) for line, col, message in findings]


@dataclass(frozen=True)
class Portal:
    """The frame a column takes from the portal: its header and its footer."""

    header: Fragment
    footer: Fragment


def fragment_paths(addresses: Addresses, options: PortalOptions) -> tuple[Path, Path]:
    """The header and footer files on disk (the settings name them relative to mkdocs.yml)."""
    return addresses.root / options.header, addresses.root / options.footer


def load_portal(addresses: Addresses, options: PortalOptions, site_url: str | None) -> tuple[Portal | None, list[Diagnostic]]:
    """The portal's frame for a column (None for a site of its own), and what is wrong with it."""
    if not options.enabled:
        return None, []
    problems = []
    if site_prefix(site_url) == "/":
        problems.append(Diagnostic("mkdocs.yml", 1, 1, "error",
                                   "作为门户网站的专栏发布时，site_url 须写专栏在门户网站下的地址"
                                   "（如 https://www.example.gov.cn/zt/fzjs/），网站的全部地址都在这个路径下"))
    fragments = []
    for path in fragment_paths(addresses, options):
        fragment, found = load_fragment(path, addresses.display(path))
        fragments.append(fragment)
        problems += found
    return Portal(*fragments), problems
