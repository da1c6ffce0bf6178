"""The handbook in Chromium at desktop and phone width (390 px)."""

import pytest

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["handbook/", "handbook/xianfa/", "handbook/cishan-fa/",
                                  "handbook/minfadian-hunyin-jiating-bian/"])
def test_no_sideways_scrolling(page, site_url, size, path):
    page.set_viewport_size(size)
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_superseded_banner_in_the_first_screen(page, site_url, size):
    page.set_viewport_size(size)
    page.goto(site_url + "handbook/hunyin-dengji-tiaoli-2003-superseded/")
    banner = page.locator("article .fz-law-banner")
    assert banner.is_visible()
    box = banner.bounding_box()
    assert box["y"] + box["height"] <= size["height"]
    assert "历史文本，非现行有效文本" in banner.inner_text()


def test_citation_link_lands_on_the_clause_below_the_header(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "handbook/funv-quanyi-baozhang-fa/#t79")
    page.locator("#t79 a.fz-xref").first.click()
    page.wait_for_function("location.hash === '#t22-k2'")
    page.wait_for_timeout(200)
    header = page.locator("header.md-header").bounding_box()
    target = page.locator("#t22-k2").bounding_box()
    assert header["y"] + header["height"] <= target["y"] < DESKTOP["height"] / 2


def test_article_number_bold_and_items_indented(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "handbook/cishan-fa/#t3")
    weight = page.locator("#t3 strong.fz-article-num").evaluate("el => getComputedStyle(el).fontWeight")
    assert int(weight) >= 700
    clause = page.locator("#t3-k1").bounding_box()
    item = page.locator("#t3-k1-x1").bounding_box()
    assert item["x"] == clause["x"]  # same block edge; the 2-character indent is text-indent
    indent = page.locator("#t3-k1-x1").evaluate("el => getComputedStyle(el).textIndent")
    assert indent.endswith("px") and float(indent[:-2]) > 20


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_excerpt_says_so_in_the_first_screen_with_its_part_in_the_toc(page, site_url, size):
    page.set_viewport_size(size)
    page.goto(site_url + "handbook/minfadian-hunyin-jiating-bian/")
    title = page.locator("article h1")
    assert title.inner_text() == "中华人民共和国民法典（节选）"
    part = page.locator("article h2#bian-5")
    assert part.inner_text() == "婚姻家庭编"
    box = part.bounding_box()
    assert box["y"] + box["height"] <= size["height"] * 1.5  # right after the title block
    if size is DESKTOP:  # the page TOC (a drawer on phones) lists the part, its chapters under it
        toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
        assert toc.locator("a[href='#bian-5']").is_visible()
        assert toc.locator("a[href='#bian-5'] + nav a[href='#bian-5-zhang-1']").count() == 1
