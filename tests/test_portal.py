"""The site as a column (专栏) of the county portal, and what a government page carries besides its
legal footer (issue N).

The column: the project built with `site_url: https://www.example.gov.cn/zt/fzjs/` and the
portal's header and footer (tests/fixtures/portal: the fragments, the portal's stylesheet and the
portal's own images, served from the host's root as the portal would serve them). A small server
stands in for the portal's host: /zt/fzjs/ is the build, the rest the portal's files. Crawled, every
link, anchor and PDF of the column resolves; every search result typed in Chromium leads into it;
the QR codes in its PDFs open its pages; Debian's nginx serves it under the prefix (its 404 page,
the redirects); axe-core finds nothing.

A site of its own: the 党政机关网站标识 (an image of the site's, never hot-linked), 我为政府网站找错 and
a 纠错 link on every page that writes the page's title and address into a message to the bureau.
Each is absent while unset (the repository's own build sets none).

The handbook is cut down to five texts (one 新旧对照 pair among them), so the column's PDFs print in
about a minute; the prefix is the same for one law as for a thousand.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from conftest import ROOT, build_site, copy_project
from crawl import Crawler, fetch, read_page
from fazhi.security import csp
from test_accessibility import AXE, axe_violations
from test_nginx import NGINX, running_nginx
from test_search_browser import QUERIES, READY, clear_box, settled_results, type_like_a_reader

pytestmark = [pytest.mark.build]

PREFIX = "/zt/fzjs/"
SITE_URL = "https://www.example.gov.cn" + PREFIX
FIXTURES = Path(__file__).parent / "fixtures" / "portal"
MAILBOX = "fzk@mzj.example.gov.cn"
SITE_MARK_LINK = "https://bszs.conac.cn/sitename?method=show&id=0000000000000000"
ZHAOCUO = "https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=2204220000"
#: The handbook of these builds: category → texts (a current law and its superseded text among them).
LAWS = {
    "婚姻家庭与收养": ["shouyang-dengji-banfa", "shouyang-dengji-banfa-2019-superseded"],
    "社会救助": ["liulang-qitao-renyuan-jiuzhu-guanli-banfa"],
    "殡葬管理": ["binzang-guanli-tiaoli"],
    "区划地名": ["xingzheng-quhua-guanli-tiaoli"],
}
COLUMN_OPTIONS = {"portal": {"header": "portal/header.html", "footer": "portal/footer.html"},
                  "feedback": {"email": MAILBOX}}
OWN_SITE_OPTIONS = {"feedback": {"site_mark": {"image": "assets/dzjg.png", "link": SITE_MARK_LINK},
                                 "zhaocuo": ZHAOCUO, "email": MAILBOX}}


def small_project(dest: Path, options: dict, *, site_url: str = "", extra_css: tuple[str, ...] = ()) -> Path:
    """The repository's project with the five-text handbook, `options` set on the fazhi plugin."""
    project = copy_project(dest, with_handbook=False)
    handbook = project / "handbook"
    handbook.mkdir()
    shutil.copy2(ROOT / "handbook" / "preface.md", handbook / "preface.md")
    for stems in LAWS.values():
        for stem in stems:
            shutil.copy2(ROOT / "handbook" / f"{stem}.md", handbook / f"{stem}.md")
    book = {"title": "东辽县民政系统普法宣传手册", "categories": LAWS}
    (handbook / "handbook.yml").write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    fazhi = next(entry["fazhi"] for entry in config["plugins"] if isinstance(entry, dict) and "fazhi" in entry)
    fazhi.update(options)
    if site_url:
        config["site_url"] = site_url
    config["extra_css"] += list(extra_css)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def column_project(dest: Path, **fragments: str) -> Path:
    """The column's project; `fragments` (header=…, footer=…) replace the fixture files' text."""
    project = small_project(dest, COLUMN_OPTIONS, site_url=SITE_URL, extra_css=("assets/portal.css",))
    (project / "portal").mkdir()
    for name in ("header", "footer"):
        target = project / "portal" / f"{name}.html"
        if name in fragments:
            target.write_text(fragments[name], encoding="utf-8")
        else:
            shutil.copy2(FIXTURES / f"{name}.html", target)
    shutil.copy2(FIXTURES / "portal.css", project / "docs" / "assets" / "portal.css")
    return project


class _PortalHost(http.server.SimpleHTTPRequestHandler):
    """The portal's host: the column's build under PREFIX, the portal's own files elsewhere."""

    column = ""

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        plain = urlsplit(path).path
        if self.column and plain.startswith(PREFIX):
            return str(Path(self.column) / unquote(plain[len(PREFIX):]).lstrip("/"))
        return super().translate_path(path)


@contextmanager
def portal_host(column: Path | None, root: Path = FIXTURES / "site") -> Iterator[str]:
    """An HTTP server on 127.0.0.1 as the portal's host, the column's build (if any) under PREFIX
    and `root` elsewhere; yields the host's address."""
    handler = functools.partial(type("Host", (_PortalHost,), {"column": str(column or "")}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def built(project: Path, out: Path, *, pdf: bool) -> Path:
    result = build_site(project, out, pdf=pdf)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


def page_addresses(site: Path, base: str) -> list[str]:
    """The address of every page of a built site (its 404 page aside) on the server at `base`."""
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    return [base + ("" if page == "." else page + "/") for page in pages]


@pytest.fixture(scope="module")
def column(tmp_path_factory) -> Path:
    """The column built strictly, with PDFs."""
    tmp = tmp_path_factory.mktemp("column")
    return built(column_project(tmp / "project"), tmp / "site", pdf=True)


@pytest.fixture(scope="module")
def column_url(column) -> Iterator[str]:
    with portal_host(column) as host:
        yield host.removesuffix("/") + PREFIX


@pytest.fixture(scope="module")
def column_crawl(column, column_url):
    return Crawler(column_url, PREFIX, SITE_URL).run(page_addresses(column, column_url))


# -- the column -----------------------------------------------------------------------------------


def test_every_link_anchor_and_pdf_of_the_column_resolves_under_its_prefix(column, column_url, column_crawl):
    crawl = column_crawl
    print(f"column crawl: {len(crawl.pages)} pages, {len(crawl.checked)} addresses, {crawl.anchors} anchors, "
          f"{len(crawl.pdfs)} PDFs; the portal's own addresses: {len(crawl.same_host)}")
    assert crawl.broken == []
    assert set(page_addresses(column, column_url)) <= set(crawl.pages)  # every page reached and read
    assert len(crawl.pdfs) >= len(list((column / "pdf").rglob("*.pdf"))) - 1  # the booklet aside, each linked
    assert any("/duizhao/" in page for page in crawl.pages), "the 新旧对照 page is part of the column"
    # Links that leave the column are the portal's own pages: none is written relative to the build.
    assert crawl.same_host and all(not urlsplit(u).path.startswith(PREFIX) for u in crawl.same_host)


def test_every_page_wears_the_portals_header_and_footer_and_one_site_code(column):
    pages = sorted(column.rglob("*.html"))
    for page in pages:
        html = re.sub(r"<!--.*?-->", "", page.read_text(encoding="utf-8"), flags=re.S)  # what readers see
        where = page.relative_to(column).as_posix()
        assert html.count('class="fz-portal-header"') == 1 and "东辽县人民政府" in html, where
        assert html.count("网站标识码") == 1 and "fz-legal" not in html, where  # the portal's, not a second one
        assert 'class="md-header' in html and "md-search__input" in html, where  # the column's bar keeps search


def test_the_portals_images_come_from_the_portals_host_and_the_columns_link_home(column, column_url, column_crawl):
    page = column_url + "handbook/binzang-guanli-tiaoli/"
    urls, _ = read_page(fetch(page)[2].decode("utf-8"))
    images = [src for tag, src in urls if tag == "img"]
    assert "/images/dl-logo.png" in images and "/images/dzjg.png" in images
    for src in images:
        assert fetch(column_url.replace(PREFIX, "") + src)[0] == 200, src
    # the breadcrumb's 法治政府建设 is the column's home, written relative (./) in the fragment
    assert ("a", "../../") in urls


def column_queries() -> list[dict]:
    """The readers' queries (tests/search_queries.yml) that look for a page of the column's texts."""
    stems = {stem for stems in LAWS.values() for stem in stems}
    return [q for q in QUERIES if q["page"].startswith("reports/") or q["page"].split("/")[1] in stems]


@pytest.mark.browser
def test_every_search_result_leads_into_the_column(column_url, column_crawl, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    crawler = Crawler(column_url, PREFIX, SITE_URL)
    crawler.result.pages.update(column_crawl.pages)
    queries = column_queries()
    results = 0
    try:
        page.goto(column_url + "reports/")
        page.click("input.md-search__input")
        page.wait_for_function(f"() => document.querySelector('.md-search-result__meta').textContent.includes('{READY}')")
        for query in queries:
            clear_box(page)
            type_like_a_reader(page, query["q"])
            for item in settled_results(page):
                for link in item:
                    assert urlsplit(link["href"]).path.startswith(PREFIX), (query["q"], link["href"])
                    crawler.check(column_url + "search/", link["href"])
                    results += 1
    finally:
        context.close()
    print(f"{len(queries)} queries typed, {results} result links checked")
    assert len(queries) >= 40 and results > len(queries) and crawler.result.broken == []


def decoded_codes(pdf: Path, out: Path) -> list[str]:
    """What zbarimg reads on the pages of `pdf` rendered at 150 dpi (the report's code is on its last)."""
    out.mkdir()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(out / "p")], check=True)
    pages = sorted(str(p) for p in out.glob("p*.png"))
    return subprocess.run(["zbarimg", "--quiet", "--raw", *pages], capture_output=True, text=True).stdout.split()


def test_qr_codes_in_the_pdfs_open_pages_of_the_column(column, column_url, tmp_path):
    crawler = Crawler(column_url, PREFIX, SITE_URL)
    pdfs = {"reports/2024/": column / "pdf" / "reports" / "2024.pdf",
            "handbook/binzang-guanli-tiaoli/": column / "pdf" / "handbook" / "binzang-guanli-tiaoli.pdf"}
    for page, pdf in pdfs.items():
        assert decoded_codes(pdf, tmp_path / pdf.stem) == [SITE_URL + page]
        crawler.check(str(pdf), crawler.here(SITE_URL + page))
    assert crawler.result.broken == []


@pytest.mark.browser
@pytest.mark.skipif(not Path(NGINX).exists(), reason="Debian nginx is installed by scripts/setup.sh")
def test_nginx_serves_the_column_under_its_prefix(column, tmp_path, browser):
    with running_nginx(column, tmp_path, PREFIX) as nginx:
        host = nginx.url.removesuffix(PREFIX) + "/"
        moved = nginx.get(host)
        assert moved.status == 302 and moved.headers["Location"] == PREFIX
        assert nginx.get(host + "zwgk/").status == 404  # the rest of the host is the portal's
        assert nginx.get(nginx.url + "reports").headers["Location"] == PREFIX + "reports/"
        assert nginx.get(nginx.http_url + "reports/").headers["Location"] == nginx.url + "reports/"
        missing = nginx.get(nginx.url + "handbook/meiyou/")
        assert missing.status == 404 and "页面未找到" in missing.body.decode("utf-8")
        policy = missing.headers["Content-Security-Policy"]
        assert csp.script_hash(csp.scope_script(PREFIX)) in policy
        # The 404 page in a browser under the policy: its scope script runs, its files load.
        context = browser.new_context(locale="zh-CN", ignore_https_errors=True)
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("requestfailed", lambda r: problems.append(r.url))
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
                if r.status >= 400 and r.request.resource_type != "document" else None)
        try:
            page.goto(nginx.url + "handbook/meiyou/zhe-ye/", wait_until="networkidle")
            assert page.evaluate("typeof __md_get") == "function"
            assert page.locator(".fz-portal-header .dl-brand__name").inner_text() == "东辽县人民政府"
            page.click("a:text('首页')  >> nth=-1")  # the 404 page's way back
            assert urlsplit(page.url).path == PREFIX
        finally:
            context.close()
        # The portal's images live on the portal's host (this nginx serves the column only).
        assert [p for p in problems if f"{PREFIX}" in p or "Security" in p or "Error" in p] == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_in_the_column(column_url, browser, scheme, width):
    context = browser.new_context(locale="zh-CN", color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    try:
        for path in ("", "reports/2024/", "handbook/", "handbook/shouyang-dengji-banfa/",
                     "handbook/shouyang-dengji-banfa/duizhao/", "site-map/"):
            page.goto(column_url + path)
            page.wait_for_load_state("load")
            found[path or "首页"] = axe_violations(page)
    finally:
        context.close()
    problems = {where: items for where, items in found.items() if items}
    assert not problems, f"{scheme} {width}px:\n" + "\n".join(f"{w}: {i}" for w, i in problems.items())


def test_a_portal_fragment_with_a_script_fails_the_strict_build_naming_file_and_line(tmp_path):
    header = (FIXTURES / "header.html").read_text(encoding="utf-8").replace(
        '<div class="dl-nav">', '<script src="https://tongji.example.com/t.js"></script>\n<div class="dl-nav">')
    line = header.split("\n").index('<script src="https://tongji.example.com/t.js"></script>') + 1
    project = column_project(tmp_path / "project", header=header)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(rf"portal/header\.html:{line}:1: error: 不允许的 HTML 标签 <script>", result.stderr), result.stderr
    assert "tongji" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")  # a lax build publishes it clean


def test_a_column_needs_its_own_path_in_site_url(tmp_path):
    project = column_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_url: {SITE_URL}", "site_url: https://www.example.gov.cn/"),
                      encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "site_url 须写专栏在门户网站下的地址" in result.stderr


# -- a site of its own: 党政机关网站标识, 我为政府网站找错, 纠错 ------------------------------------------


@pytest.fixture(scope="module")
def own_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("own")
    project = small_project(tmp / "project", OWN_SITE_OPTIONS, site_url="https://mzj.example.gov.cn/")
    shutil.copy2(FIXTURES / "site" / "images" / "dzjg.png", project / "docs" / "assets" / "dzjg.png")
    return built(project, tmp / "site", pdf=False)


@pytest.fixture(scope="module")
def own_url(own_site) -> Iterator[str]:
    with portal_host(None, own_site) as url:  # a site of its own, at the host's root
        yield url


def mailto_of(html: str) -> tuple[str, dict[str, str]]:
    found = re.findall(r'<p class="fz-correction">.*?<a href="(mailto:[^"]+)">纠错</a>', html)
    assert len(found) == 1
    parts = urlsplit(found[0].replace("&amp;", "&"))
    return unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_every_page_has_a_correction_link_with_its_title_and_address(own_site):
    pages = sorted(own_site.rglob("index.html"))
    for page in pages:
        address = "https://mzj.example.gov.cn/" + page.relative_to(own_site).parent.as_posix().removeprefix(".") + "/"
        address = address.replace(".cn//", ".cn/")
        html = page.read_text(encoding="utf-8")
        tab = re.search(r"<title>([^<]+)</title>", html).group(1)  # what the browser's tab says
        title = tab if page.parent == own_site else tab.split(" · ")[0]
        to, fields = mailto_of(html)
        assert to == MAILBOX
        assert fields["subject"] == f"纠错：{title}", page
        assert f"地址：{address}" in fields["body"], page
    assert len(pages) >= 9


def test_the_footer_shows_the_site_mark_from_the_site_and_the_zhaocuo_entry(own_site, own_url):
    html = fetch(own_url + "handbook/binzang-guanli-tiaoli/")[2].decode("utf-8")
    urls, _ = read_page(html)
    mark = re.search(r'<a class="fz-legal__mark" href="([^"]+)" rel="noopener"><img src="([^"]+)" alt="党政机关网站标识">', html)
    assert mark and mark.group(1).replace("&amp;", "&") == SITE_MARK_LINK
    assert mark.group(2) == "../../assets/dzjg.png"
    status, kind, body = fetch(own_url + "assets/dzjg.png")
    assert status == 200 and kind == "image/png" and body == (FIXTURES / "site" / "images" / "dzjg.png").read_bytes()
    assert ("a", ZHAOCUO) in urls
    assert re.search(r'<a href="[^"]+" rel="noopener">我为政府网站找错</a>', html)


def test_each_is_absent_while_unset(built_site):
    """The repository's own settings give no mailbox, no mark, no 找错 address: none of them shows."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fz-correction" not in html and "fz-legal__mark" not in html and "我为政府网站找错" not in html, page


def test_a_site_mark_image_that_is_not_there_fails_the_strict_build(tmp_path):
    project = small_project(tmp_path / "project", OWN_SITE_OPTIONS)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "找不到党政机关网站标识的图片 docs/assets/dzjg.png" in result.stderr


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_with_the_whole_footer(own_url, browser, scheme, width):
    assert AXE.is_file()
    context = browser.new_context(locale="zh-CN", color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    try:
        for path in ("", "reports/2024/", "handbook/binzang-guanli-tiaoli/"):
            page.goto(own_url + path)
            page.wait_for_load_state("load")
            assert page.locator(".fz-legal__mark img").evaluate("img => img.naturalWidth") > 0
            found[path or "首页"] = axe_violations(page)
    finally:
        context.close()
    problems = {where: items for where, items in found.items() if items}
    assert not problems, f"{scheme} {width}px:\n" + "\n".join(f"{w}: {i}" for w, i in problems.items())
