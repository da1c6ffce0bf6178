"""Where everything lives: the sources on disk, and the pages and files of the built site.

The one home for the site's addresses. The build, `fazhi check`, the importer, publishing and
print all ask here, so none of them can disagree (a handbook kept in laws/ is still /handbook/
on the site, and a link to `../handbook/x.md` is checked against laws/x.md):

==========================  ===================================  =================================
what                        on disk (relative to mkdocs.yml)     in the site (source path, `uri`)
==========================  ===================================  =================================
site pages, reports         docs/…, docs/reports/<year>.md       …, reports/<year>.md
a law                       <handbook folder>/…/<stem>.md        handbook/<stem>.md
the handbook's index        (generated)                          handbook/index.md
a 问答 or 以案释法          docs/wenda/<name>.md                 wenda/<name>.md
the 问答 list               (generated unless docs/wenda/index.md) wenda/index.md
新旧对照 of a law           (generated)                          handbook/<newer stem>/duizhao.md
a page's PDF                (written after the build)            pdf/<uri without .md>.pdf
the whole handbook          (written after the build)            pdf/handbook.pdf, pdf/handbook-booklet.pdf
==========================  ===================================  =================================

Site paths are source paths as MkDocs knows them (`File.src_uri`); with directory URLs the page
of `handbook/x.md` is `handbook/x/`. On its host the site starts at the path of mkdocs.yml's
`site_url` (`site_prefix`): "/" for a site of its own, "/zt/fzjs/" for a column of the county
portal at https://www.example.gov.cn/zt/fzjs/; `public_url` is a page's address for the public
(QR codes, 纠错 messages). Laws sit side by side under handbook/ whatever sub-folder
holds them on disk, so their file names (stems) must be unique (the handbook reader says so).
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

#: The site folder of the law pages, and the default disk folder of the law texts.
HANDBOOK = "handbook"
#: The site folder of the yearly reports (docs/reports/ on disk).
REPORTS = "reports"
#: The disk folder of the site's own pages (mkdocs.yml `docs_dir`) unless configured otherwise.
DOCS = "docs"
#: Files in the handbook folder that are not law texts (preface.md: the printed handbook's 编印说明).
NOT_LAWS = frozenset({"README.md", "index.md", "preface.md"})

HANDBOOK_INDEX = f"{HANDBOOK}/index.md"
#: The site folder (in docs/) of the questions the bureau answers from the law (问答, 以案释法).
WENDA = "wenda"
WENDA_INDEX = f"{WENDA}/index.md"
REPORTS_INDEX = f"{REPORTS}/index.md"
REPORT_FILE = re.compile(rf"^{REPORTS}/(?P<year>\d{{4}})\.md$")
#: The page under a current law's page where its comparison with an earlier version lives.
COMPARISON_PAGE = "duizhao"

PDF_DIR = "pdf"
HANDBOOK_PDF = f"{PDF_DIR}/handbook.pdf"
HANDBOOK_BOOKLET_PDF = f"{PDF_DIR}/handbook-booklet.pdf"


def law_uri(stem: str) -> str:
    """The site path of a law's page: handbook/<stem>.md."""
    return f"{HANDBOOK}/{stem}.md"


def law_page(stem: str) -> str:
    """The law page's address (directory URLs): handbook/<stem>/."""
    return f"{HANDBOOK}/{stem}/"


def is_law_uri(uri: str) -> bool:
    """A law page's site path (not the handbook's index or a page under a law)."""
    parent, _, name = uri.rpartition("/")
    return parent == HANDBOOK and name.endswith(".md") and name not in NOT_LAWS


def is_wenda_uri(uri: str) -> bool:
    """A 问答's site path (wenda/<name>.md; not the list of them)."""
    parent, _, name = uri.rpartition("/")
    return parent == WENDA and name.endswith(".md") and name != "index.md"


def source_link(uri: str, page_uri: str) -> str:
    """A link from the page whose source is `page_uri` to the source `uri`, as Markdown writes
    it (wenda/x.md → ../handbook/y.md); MkDocs turns it into the page's address and checks it."""
    return posixpath.relpath(uri, posixpath.dirname(page_uri) or ".")


def report_uri(year: int) -> str:
    return f"{REPORTS}/{year}.md"


def page_address(uri: str) -> str:
    """A page's address in the site (directory URLs): reports/2024.md → reports/2024/,
    index.md → '' (the home page), reports/index.md → reports/."""
    path = PurePosixPath(uri).with_suffix("")
    parts = path.parts[:-1] if path.name in ("index", "README") else path.parts
    return "".join(f"{part}/" for part in parts)


def comparison_uri(new_stem: str) -> str:
    """The 新旧对照 page of the law whose newer text is `new_stem`: handbook/<stem>/duizhao.md."""
    return f"{HANDBOOK}/{new_stem}/{COMPARISON_PAGE}.md"


def pdf_path(src_uri: str) -> str:
    """Site path of the PDF for the page whose source is `src_uri` (reports/2024.md → pdf/reports/2024.pdf)."""
    return str(PurePosixPath(PDF_DIR) / PurePosixPath(src_uri).with_suffix(".pdf"))


def site_prefix(site_url: str | None) -> str:
    """The path every address of the site starts with, from mkdocs.yml `site_url` ("/" without one)."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def public_url(site_url: str | None, page: str) -> str:
    """The public address of site page `page` (e.g. "handbook/xianfa/"), or "" without site_url."""
    return urljoin(site_url.rstrip("/") + "/", page) if site_url else ""


def relative_url(url: str, other: str) -> str:
    """`url` (site-relative) as seen from the page at `other`, as MkDocs' own links are written.

    The engine's twin of `mkdocs.utils.get_relative_url`, so print and search need no MkDocs:
    a file name in `other` is dropped, and a trailing slash on `url` is kept.
    """
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    relative = posixpath.relpath("/" + url, "/" + other)
    return relative + "/" if url.endswith("/") else relative


@dataclass(frozen=True)
class Addresses:
    """The disk side: one project's folders, and which site path each source file takes."""

    #: The folder holding mkdocs.yml; the other folders are relative to it.
    root: Path
    #: The law texts' folder (the plugin's `handbook` option).
    handbook_folder: str = HANDBOOK
    #: The site pages' folder (mkdocs.yml `docs_dir`).
    docs_folder: str = DOCS

    @property
    def handbook_dir(self) -> Path:
        return self.root / self.handbook_folder

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs_folder

    @property
    def wenda_dir(self) -> Path:
        """The 问答 folder: docs/wenda/."""
        return self.docs_dir / WENDA

    def site_uri(self, path: Path) -> str | None:
        """Where a file on disk sits in the site: reports/2024.md for docs/reports/2024.md,
        handbook/x.md for a law anywhere in the handbook folder (its other files keep their
        place under handbook/); None outside both folders."""
        resolved, root = Path(path).resolve(), self.root.resolve()
        return self.site_uri_of(resolved.relative_to(root).as_posix()) if resolved.is_relative_to(root) else None

    def site_uri_of(self, source: str) -> str | None:
        """`site_uri` of a path relative to the project folder, as git names it (laws/x.md)."""
        path = PurePosixPath(source)
        handbook = self._folder(self.handbook_folder)
        if path.is_relative_to(handbook):
            is_law = path.suffix == ".md" and path.name not in NOT_LAWS
            return law_uri(path.stem) if is_law else f"{HANDBOOK}/{path.relative_to(handbook).as_posix()}"
        docs = self._folder(self.docs_folder)
        return path.relative_to(docs).as_posix() if path.is_relative_to(docs) else None

    def _folder(self, folder: str) -> PurePosixPath:
        """A configured folder relative to the project (MkDocs gives docs_dir as an absolute path)."""
        path = Path(folder)
        if path.is_absolute():
            path = Path(os.path.relpath(path.resolve(), self.root.resolve()))
        return PurePosixPath(path.as_posix())

    def source_file(self, uri: str) -> Path | None:
        """The Markdown source of a site path, the other way round (None when there is none):
        what a link such as `../handbook/x.md` in a page points to on disk."""
        parent, _, name = uri.rpartition("/")
        if parent == HANDBOOK:
            return next(iter(sorted(self.handbook_dir.rglob(name))), None) if self.handbook_dir.is_dir() else None
        path = self.docs_dir / uri
        return path if path.is_file() else None

    def display(self, path: Path) -> str:
        """A source file as staff know it, for messages: relative to the project (laws/x.md)."""
        resolved = path.resolve()
        root = self.root.resolve()
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
        try:
            return os.path.relpath(path)
        except ValueError:
            return str(path)
