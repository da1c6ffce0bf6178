"""A link checker for a served site, as a reader's browser follows links: every page reached from the
home page, every link, stylesheet, script and image on it fetched, every #anchor looked up in its
page, every PDF opened. Addresses under `prefix` are the site's; the rest of the same host belongs to
whoever shares the domain (a county portal) and other hosts are outside: both are listed, not fetched.
"""

from __future__ import annotations

import http.client
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

#: (tag, attribute) pairs whose URL a browser follows or loads.
URL_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                  ("iframe", "src"), ("form", "action")}


class _Page(HTMLParser):
    """The URLs and the ids (anchor targets) of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name" if tag == "a" else "id"):
            if values.get(name):
                self.ids.add(values[name])
        for attribute in ("href", "src", "action"):
            value = values.get(attribute)
            if (tag, attribute) in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, value))


def read_page(html: str) -> tuple[list[tuple[str, str]], set[str]]:
    parser = _Page()
    parser.feed(html)
    parser.close()
    return parser.urls, parser.ids


@dataclass
class Crawl:
    """What a crawl found. `broken` lists (page, link, why) and is empty for a sound site."""

    pages: dict[str, set[str]] = field(default_factory=dict)  # page URL → its ids
    checked: set[str] = field(default_factory=set)             # every in-site URL fetched (no fragment)
    anchors: int = 0                                            # #fragment links checked
    pdfs: set[str] = field(default_factory=set)
    same_host: set[str] = field(default_factory=set)           # the host's other addresses (the portal's)
    outside: set[str] = field(default_factory=set)             # other hosts, mailto:, tel:
    broken: list[tuple[str, str, str]] = field(default_factory=list)


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET, redirects not followed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", urlunsplit(("", "", parts.path, parts.query, "")) or "/")
        response = connection.getresponse()
        return response.status, response.headers.get("Content-Type", ""), response.read()
    finally:
        connection.close()


class Crawler:
    """Crawls from `start`; `prefix` (a path ending in /) says which addresses are the site's."""

    def __init__(self, start: str, prefix: str, production: str = "") -> None:
        """`production`: the site's public address (site_url); links to it are checked here instead."""
        self.start, self.prefix, self.production = start, prefix, production
        self.origin = urlsplit(start)._replace(path="", query="", fragment="")
        self.result = Crawl()
        self._bodies: dict[str, tuple[int, str, bytes]] = {}

    def here(self, url: str) -> str:
        """`url` with the production address swapped for the served one (canonical links, QR codes)."""
        if self.production and url.startswith(self.production):
            return urlunsplit(self.origin) + self.prefix + url[len(self.production):]
        return url

    def inside(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == (self.origin.scheme, self.origin.netloc) \
            and unquote(parts.path).startswith(self.prefix)

    def get(self, url: str) -> tuple[int, str, bytes]:
        if url not in self._bodies:
            self._bodies[url] = fetch(url)
            self.result.checked.add(url)
        return self._bodies[url]

    def run(self, extra: list[str] = ()) -> Crawl:
        """Crawl from the start page (and `extra` pages, e.g. ones only search leads to)."""
        queue = deque([self.start, *extra])
        seen = set(queue)
        links: list[tuple[str, str]] = []  # (page, absolute link) with a fragment, checked at the end
        while queue:
            url = queue.popleft()
            status, kind, body = self.get(url)
            if status != 200 or not kind.startswith("text/html"):
                continue
            found, ids = read_page(body.decode("utf-8"))
            self.result.pages[url] = ids
            for tag, raw in found:
                target = self.here(urljoin(url, raw))
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https"):
                    self.result.outside.add(raw)
                    continue
                if not self.inside(target):
                    (self.result.same_host if parts.netloc == self.origin.netloc else self.result.outside).add(target)
                    continue
                address = urlunsplit(parts._replace(fragment=""))
                links.append((url, target))
                if address not in seen and tag == "a":
                    seen.add(address)
                    queue.append(address)
        for page, target in links:
            self.check(page, target)
        return self.result

    def check(self, page: str, target: str) -> None:
        """One link of `page`: the address answers 200, its #fragment exists, a PDF is a PDF."""
        parts = urlsplit(target)
        address = urlunsplit(parts._replace(fragment=""))
        status, kind, body = self.get(address)
        if status != 200:
            self.result.broken.append((page, target, f"HTTP {status}"))
            return
        if address.endswith(".pdf"):
            self.result.pdfs.add(address)
            if not body.startswith(b"%PDF-"):
                self.result.broken.append((page, target, f"not a PDF ({kind})"))
        if parts.fragment:
            self.result.anchors += 1
            ids = self.result.pages.get(address)
            if ids is None and kind.startswith("text/html"):
                ids = read_page(body.decode("utf-8"))[1]
                self.result.pages[address] = ids
            if ids is not None and unquote(parts.fragment) not in ids:
                self.result.broken.append((page, target, "no such anchor"))
