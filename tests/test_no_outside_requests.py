"""No page of the site makes the reader's browser contact another host: every page (reports,
handbook, archive, 404) in Chromium, with search used on it; every PDF link served by the site
itself; and nothing in the HTML or CSS that would load from outside in other conditions
(print, dark mode, lazy images)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

pytestmark = pytest.mark.browser

#: Elements and attributes whose URL the browser loads by itself (not links a reader follows).
LOADED = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("iframe", "src"),
          ("source", "src"), ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"),
          ("embed", "src"), ("object", "data"), ("input", "src")}
#: <link rel> values that are only a hint or navigation, never loaded by the page itself.
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def outside(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme not in ("", "data", "blob", "about") and parsed.hostname not in ("127.0.0.1", None)


class _Loaded(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.pdfs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        rels = set((values.get("rel") or "").lower().split())
        for name, value in attrs:
            if (tag, name) in LOADED and value and not (tag == "link" and rels & NAVIGATION_RELS):
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(","))
            if name == "style" and value:
                self.urls.extend(CSS_URL.findall(value))
        if tag == "a" and (values.get("href") or "").split("#")[0].endswith(".pdf"):
            self.pdfs.append(values["href"])


def scan(html: str) -> _Loaded:
    parser = _Loaded()
    parser.feed(html)
    return parser


def test_no_html_or_css_file_names_an_outside_resource(built_site):
    found = []
    for path in pages(built_site):
        found += [(path, url) for url in scan((built_site / path).read_text(encoding="utf-8")).urls if outside(url)]
    for css in built_site.rglob("*.css"):
        found += [(css.name, url) for url in CSS_URL.findall(css.read_text(encoding="utf-8")) if outside(url)]
    assert found == []


def test_every_page_with_search_used_requests_only_the_site(built_site, site_url, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size({"width": 1280, "height": 900})
    all_pages = pages(built_site)
    assert any(p.startswith("handbook/") for p in all_pages) and "reports/2024/index.html" in all_pages
    for path in all_pages:
        page.goto(site_url + path, wait_until="networkidle")
    page.goto(site_url + "handbook/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").focus()
    page.keyboard.type("婚姻登记", delay=20)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.emulate_media(media="print")
    page.emulate_media(color_scheme="dark")
    page.reload(wait_until="networkidle")
    assert [url for url in requested if outside(url)] == []
    assert len(requested) > len(all_pages)


def test_pdf_links_are_served_by_the_site(built_site, site_url, page):
    links = set()
    for path in pages(built_site):
        for href in scan((built_site / path).read_text(encoding="utf-8")).pdfs:
            links.add(urljoin(site_url + path, href))
    assert links, "页面上没有 PDF 链接"
    assert [link for link in links if outside(link)] == []
    for link in sorted(links):
        response = page.request.get(link)
        assert response.status == 200, link
        assert response.headers["content-type"] == "application/pdf", link
        assert response.body()[:5] == b"%PDF-", link
