"""Accessibility as readers meet it, in Debian's Chromium (issue 12).

- axe-core (npm, pinned in package.json, installed by scripts/setup.sh) on every kind of page,
  light and dark, 1280 and 390 px wide, and on the search dialog open with results: any
  violation of WCAG 2.0/2.1 A and AA or of axe's best practices fails.
- The keyboard alone: skip link, `/` to search, arrows and Enter in the results, the text-size
  and contrast controls, with a visible focus ring.
- 200 % text on a 320 px phone: no sideways scrolling; the size holds across pages.
- lang="zh-CN" and page titles that say where the reader is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.build]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SITE_NAME = "东辽县民政局 · 法治建设公开"
SEARCH_READY = "键入以开始搜索"

# Colours are measured once transitions have ended (a half-faded dialog is not what readers see).
RUN_AXE = """async (tags) => {
  const settled = Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  await Promise.race([settled, new Promise(done => setTimeout(done, 3000))]);
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n =>
    n.target.join(' ') + ' — ' + ((n.any[0] || n.all[0] || n.none[0] || {}).message || '')).join(' | '));
}"""


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind, found in the built site so new laws or years need no edit here:
    the law with the most citation links, a superseded (历史文本) law, and the 宪法 if present."""
    laws = sorted(p.parent for p in (site / "handbook").glob("*/index.html"))
    html = {law: (law / "index.html").read_text(encoding="utf-8") for law in laws}
    superseded = [law for law in laws if "fz-law-banner" in html[law]]
    current = [law for law in laws if law not in superseded]
    assert current and superseded, "手册中应既有现行文本也有历史文本"
    most_cited = max(current, key=lambda law: html[law].count("fz-xref"))
    report = sorted((site / "reports").glob("*/index.html"))[-1].parent
    kinds = {
        "首页": "", "报告列表": "reports/", "年度报告": f"reports/{report.name}/", "手册目录": "handbook/",
        "法规（引用最多）": f"handbook/{most_cited.name}/", "历史文本": f"handbook/{superseded[0].name}/",
        "网站地图": "site-map/", "404": "404.html",
    }
    if (site / "handbook" / "xianfa").is_dir():
        kinds["宪法（序言）"] = "handbook/xianfa/"
    comparisons = sorted(site.glob("handbook/*/duizhao/index.html"))
    if comparisons:
        kinds["新旧对照"] = comparisons[0].parent.relative_to(site).as_posix() + "/"
    return kinds


def open_search_with_results(page, url: str, query: str = "婚姻登记") -> None:
    """Open the search with `/`, as a keyboard user does, and type a query until results show."""
    page.goto(url)
    page.keyboard.press("/")
    page.wait_for_function(f"() => document.querySelector('.md-search-result__meta').textContent.includes('{SEARCH_READY}')")
    page.keyboard.insert_text(query)
    page.keyboard.press("Shift")  # an input method commits Chinese, then a key is released
    page.wait_for_selector(".md-search-result__item")


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, AXE_TAGS)


@pytest.fixture
def reader(browser):
    """A new browser context per call: (scheme, width, height) → page; closed at the end."""
    contexts = []

    def make(scheme: str = "light", width: int = 1280, height: int = 900):
        context = browser.new_context(locale="zh-CN", color_scheme=scheme, viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing(reader, built_site, site_url, scheme, width):
    assert AXE.is_file(), "缺少 axe-core：请运行 bash scripts/setup.sh（npm ci 安装 package.json 中的 axe-core）"
    page = reader(scheme, width)
    found: dict[str, list[str]] = {}
    for name, path in page_kinds(built_site).items():
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        found[f"{name} /{path}"] = axe_violations(page)
    open_search_with_results(page, site_url + "handbook/")
    found["搜索结果"] = axe_violations(page)
    problems = {where: items for where, items in found.items() if items}
    assert not problems, f"{scheme} {width}px:\n" + "\n".join(f"{w}: {i}" for w, i in problems.items())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_high_contrast(reader, built_site, site_url, scheme):
    page = reader(scheme, 1280)
    page.add_init_script("localStorage.setItem('fazhi.contrast', 'high')")
    kinds = page_kinds(built_site)
    found = {}
    for name in ("首页", "年度报告", "法规（引用最多）", "历史文本"):
        page.goto(site_url + kinds[name])
        page.wait_for_load_state("load")
        assert page.get_attribute("html", "data-fz-contrast") == "high"
        found[name] = axe_violations(page)
    problems = {where: items for where, items in found.items() if items}
    assert not problems, f"高对比度 {scheme}:\n" + "\n".join(f"{w}: {i}" for w, i in problems.items())


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
      return {text: (e.getAttribute('aria-label') || e.textContent || '').trim(), tag: e.tagName,
              cls: e.className, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), ring: s.outlineColor,
              offset: parseFloat(s.outlineOffset), href: e.href || ''}; }""")


def test_skip_link_and_search_by_keyboard(reader, site_url):
    page = reader()
    page.goto(site_url + "handbook/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "跳到正文" and page.is_visible(".fz-skip")
    assert first["outline"] != "none" and first["width"] >= 2, "跳转链接获得焦点时应有清楚的焦点框"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "fz-content"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')"), "跳到正文后，下一个 Tab 应落在正文中"

    open_search_with_results(page, site_url + "handbook/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("ArrowDown")
    chosen = focused(page)
    assert "md-search-result__link" in chosen["cls"] and chosen["outline"] != "none"
    # On the white result list: a coloured ring, drawn inside (the scrolling list clips outside).
    assert chosen["ring"] != "rgb(255, 255, 255)" and chosen["offset"] < 0, chosen
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(chosen["href"].split("#")[0])))
    assert page.url.split("#")[0] == chosen["href"].split("#")[0]


def body_text_px(page) -> float:
    """Font size of the running text (the article's own size, which its paragraphs inherit)."""
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize)")


def tab_to(page, label: str, limit: int = 40) -> dict:
    """Press Tab until the focused element is named `label`; fails when it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["text"] == label:
            return now
    raise AssertionError(f"按 Tab {limit} 次也没有到达“{label}”")


def test_text_size_and_contrast_by_keyboard(reader, built_site, site_url):
    page = reader()
    law = page_kinds(built_site)["法规（引用最多）"]
    page.goto(site_url + law)
    normal = body_text_px(page)
    button = tab_to(page, "A+ 放大文字")
    assert button["outline"] != "none" and button["width"] >= 2
    for _ in range(4):  # one press more than the steps: the last does nothing
        page.keyboard.press("Enter")
    assert body_text_px(page) == pytest.approx(2 * normal)
    assert page.get_attribute("[data-fz-action=larger]", "aria-disabled") == "true"
    assert page.inner_text(".fz-reader__value") == "文字 200%"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # A: back to the standard size
    assert body_text_px(page) == pytest.approx(normal)
    page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "A− 缩小文字"
    page.keyboard.press("Enter")  # no-op at the smallest size
    assert body_text_px(page) == pytest.approx(normal)

    tab_to(page, "A+ 放大文字")
    page.keyboard.press("Enter")
    tab_to(page, "高对比度")
    page.keyboard.press("Enter")
    assert page.get_attribute("[data-fz-action=contrast]", "aria-pressed") == "true"
    text_color = page.evaluate("getComputedStyle(document.querySelector('.md-content .md-typeset p')).color")
    assert text_color == "rgb(0, 0, 0)", "高对比度时正文应为纯黑"

    # Both settings hold on the next page, and on a visit in a new tab of the same browser.
    page.goto(site_url + "reports/")
    assert page.get_attribute("html", "data-fz-text") == "125"
    assert page.get_attribute("html", "data-fz-contrast") == "high"
    again = page.context.new_page()
    again.goto(site_url)
    assert body_text_px(again) == pytest.approx(1.25 * normal)


def test_print_and_pdf_links_by_keyboard(reader, built_site, site_url):
    page = reader()
    page.add_init_script("window.print = () => { window.fzPrinted = true; }")
    page.goto(site_url + page_kinds(built_site)["年度报告"])
    assert page.locator(".fz-pdf-links a").count() >= 2, "年度报告页应有“打印”“下载PDF”链接"
    download = tab_to(page, "下载PDF")
    assert download["outline"] != "none" and download["href"].endswith(".pdf")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "打印"
    page.keyboard.press("Enter")
    assert page.evaluate("window.fzPrinted === true"), "在“打印”上按回车应打开打印对话框"


def test_text_size_control_on_a_phone(reader, site_url):
    page = reader(width=390, height=800)
    page.goto(site_url + "handbook/")
    assert not page.is_visible("[data-fz-action=larger]")
    tab_to(page, "字号：文字大小与对比度")
    page.keyboard.press("Enter")
    assert page.is_visible("[data-fz-action=larger]")
    box = page.locator(".fz-reader__panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "字号面板应完整显示在手机屏幕内"
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not page.is_visible("[data-fz-action=larger]")
    assert focused(page)["text"] == "字号：文字大小与对比度"


def test_no_sideways_scrolling_at_200_percent_on_320px(reader, built_site, site_url):
    page = reader(width=320, height=640)
    page.add_init_script("localStorage.setItem('fazhi.text-size', '200')")
    wide = []
    for name, path in page_kinds(built_site).items():
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert page.get_attribute("html", "data-fz-text") == "200"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{name} /{path}: 宽出 {overflow}px")
    assert not wide, "200% 文字时页面出现横向滚动：\n" + "\n".join(wide)


def test_language_and_titles(reader, built_site, site_url):
    page = reader()
    kinds = page_kinds(built_site)
    page.goto(site_url + kinds["法规（引用最多）"])
    assert page.get_attribute("html", "lang") == "zh-CN"
    law_title = page.inner_text(".md-content h1")
    assert page.title() == f"{law_title} · 普法手册 · {SITE_NAME}"
    page.goto(site_url + kinds["年度报告"])
    assert page.title() == f"{page.inner_text('.md-content h1')} · 年度报告 · {SITE_NAME}"
    page.goto(site_url)
    assert page.title() == SITE_NAME


def accessibility_tree(page) -> list[dict]:
    """What Chromium exposes to screen readers: (role, name, level) of every node not ignored."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    rows = []
    for node in nodes:
        if node.get("ignored"):
            continue
        level = next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "level"), None)
        rows.append({"role": node.get("role", {}).get("value"), "name": node.get("name", {}).get("value", ""), "level": level})
    return rows


def test_screen_reader_reads_numbers_in_headings(reader, built_site, site_url):
    """A report heading is read with its generated number (一、) as part of its name; a law
    article's first paragraph begins with 第X条; the 公文 signature block is read in order."""
    page = reader()
    kinds = page_kinds(built_site)
    page.goto(site_url + kinds["年度报告"])
    tree = accessibility_tree(page)
    headings = [n for n in tree if n["role"] == "heading" and n["level"] == 2]
    assert headings and headings[0]["name"].startswith("一、"), headings[:2]
    assert any(n["role"] == "heading" and n["level"] == 3 and n["name"].startswith("（一）") for n in tree)
    assert {"role": "group", "name": "发文机关署名和成文日期", "level": None} in tree
    page.goto(site_url + kinds["法规（引用最多）"])
    texts = [n["name"] for n in accessibility_tree(page) if n["role"] in ("StaticText", "paragraph")]
    assert any(re.match(r"第[一二三四五六七八九十百零]+条", t) for t in texts)


def test_reduced_motion_stops_every_transition_and_animation(reader, site_url):
    page = reader()
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + "handbook/")
    longest = page.evaluate("""() => Math.max(...[...document.querySelectorAll('*')].flatMap(e => {
      const s = getComputedStyle(e);
      return (s.transitionDuration + ',' + s.animationDuration).split(',').map(parseFloat);
    }))""")
    assert longest <= 0.001, f"系统设置“减少动态效果”时仍有 {longest}s 的动画"


def test_system_high_contrast_setting_is_followed_until_the_reader_chooses(reader, site_url):
    page = reader()
    page.emulate_media(contrast="more")
    page.goto(site_url + "handbook/")
    assert page.get_attribute("html", "data-fz-contrast") == "high"
    assert page.get_attribute("[data-fz-action=contrast]", "aria-pressed") == "true"
    page.click("[data-fz-action=contrast]")  # the reader turns it off here: that choice wins
    page.goto(site_url + "reports/")
    assert page.get_attribute("html", "data-fz-contrast") is None
