"""The public site in Debian's Chromium: nothing fetched from outside, pages look right."""

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def html_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_no_page_requests_an_outside_host(built_site, site_url, page):
    outside: list[str] = []
    page.on("request", lambda req: outside.append(req.url)
            if urlparse(req.url).hostname not in ("127.0.0.1", None) and not req.url.startswith("data:") else None)
    pages = html_pages(built_site)
    assert "reports/2024/index.html" in pages
    for path in pages:
        page.goto(site_url + path, wait_until="networkidle")
    assert outside == []


def test_report_renders_numbered_headings_and_signature_on_the_right(site_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "reports/2024/", wait_until="networkidle")
    title = page.locator("h1.fz-title")
    content = page.locator("article")
    t_box, c_box = title.bounding_box(), content.bounding_box()
    title_centre = t_box["x"] + t_box["width"] / 2
    assert abs(title_centre - (c_box["x"] + c_box["width"] / 2)) < 0.05 * c_box["width"]
    assert page.locator(".fz-body h2").first.inner_text().startswith("一、")
    signer = page.locator(".fz-signer").bounding_box()
    date = page.locator(".fz-date").bounding_box()
    assert signer["x"] > c_box["x"] + c_box["width"] / 2
    assert date["y"] > signer["y"]
    # 成文日期's first character sits two characters (2em) right of the 署名's (GB/T 9704 7.3.5.2).
    first_char_x = """sel => { const n = document.querySelector(sel).firstChild;
        const r = document.createRange(); r.setStart(n, 0); r.setEnd(n, 1);
        return r.getBoundingClientRect().left; }"""
    font_px = float(page.locator(".fz-date").evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
    shift = page.evaluate(first_char_x, ".fz-date") - page.evaluate(first_char_x, ".fz-signer")
    assert abs(shift - 2 * font_px) < 1.5

def test_phone_layout_has_no_horizontal_scroll(site_url, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "reports/2024/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("h1.fz-title").is_visible()


def test_copy_paste_carries_the_numbers(site_url, page):
    page.goto(site_url + "reports/2024/", wait_until="networkidle")
    selected = page.evaluate("""() => {
        const h = document.querySelector('.fz-body h2');
        const r = document.createRange(); r.selectNodeContents(h);
        const s = getSelection(); s.removeAllRanges(); s.addRange(r);
        return s.toString();
    }""")
    assert selected.startswith("一、2024年度推进政府建设")
