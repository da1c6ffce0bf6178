"""新旧对照 (fazhi/compare): the aligner on small made-up laws, the four real version pairs,
the comparison pages and PDFs of the site build, and the `fazhi compare` command.

Expected pairings of the real texts come from reading them (and from issue 11, which counted
慈善法's unchanged articles), or from the raw texts compared with white space removed: not
from the aligner.
"""

from __future__ import annotations

import re
import subprocess
import sys
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LAWS, ROOT
from fazhi.compare.comparison import compare_files, compare_texts
from fazhi.compare.html import body_html
from fazhi.compare.pairs import find_pairs, read_version
from fazhi.law.structure import parse_law
from fazhi.text.numerals import to_chinese

A = "国家保护未成年人的合法权益，任何组织和个人不得侵犯。"
B = "县级以上人民政府民政部门负责本行政区域内的收养登记工作，依法办理登记手续。"
C = "收养登记机关应当自次日起三十日内进行审查，对符合规定条件的予以登记并发给证书。"
D = "本办法自发布之日起施行，此前发布的有关规定与本办法不一致的，以本办法为准。"
X = "慈善工作坚持中国共产党的领导，坚持社会主义核心价值观。"


def law(*articles: str, chapters: dict[int, str] | None = None) -> str:
    """A law file: 第一条 … in order, a 章 heading before the articles `chapters` names."""
    lines = ["# 测试法", ""]
    for n, text in enumerate(articles, 1):
        if chapters and n in chapters:
            lines += [f"## {chapters[n]}", ""]
        paragraphs = text.split("\n")
        lines += [f"第{to_chinese(n)}条 {paragraphs[0]}", ""] + [p for q in paragraphs[1:] for p in (q, "")]
    return "\n".join(lines)


def table(old: str, new: str) -> list[tuple[str, str, str]]:
    """(status, data-old, data-new) of every row, as the page shows them."""
    soup = BeautifulSoup(body_html(compare_texts(old, new)), "html.parser")
    return [(tr["data-status"], tr["data-old"], tr["data-new"]) for tr in soup.select("tr[data-status]")]


# ----------------------------------------------------------------------------- the aligner

def test_insertion_at_the_front_renumbers_without_changes():
    assert table(law(A, B, C), law(X, A, B, C)) == [
        ("added", "", "1"), ("renumbered", "1", "2"), ("renumbered", "2", "3"), ("renumbered", "3", "4")]


def test_deletion_keeps_its_place_and_the_rest_moves_up():
    assert table(law(A, B, C, D), law(A, C, D)) == [
        ("same", "1", "1"), ("deleted", "2", ""), ("renumbered", "3", "2"), ("renumbered", "4", "3")]


def test_split_article_is_one_row_with_both_new_articles():
    rows = table(law(A, B + C, D), law(A, B, C, D))
    assert rows == [("same", "1", "1"), ("changed", "2", "2 3"), ("renumbered", "3", "4")]
    html = body_html(compare_texts(law(A, B + C, D), law(A, B, C, D)))
    assert "拆分" in html


def test_merged_articles_are_one_row():
    rows = table(law(A, B, C, D), law(A, B + C, D))
    assert rows == [("same", "1", "1"), ("changed", "2 3", "2"), ("renumbered", "4", "3")]
    assert "合并" in body_html(compare_texts(law(A, B, C, D), law(A, B + C, D)))


def test_swapped_articles_are_paired_across_the_move():
    rows = table(law(A, B, C, D), law(A, C, B, D))
    assert sorted(rows) == sorted([("same", "1", "1"), ("renumbered", "3", "2"), ("renumbered", "2", "3"),
                                   ("same", "4", "4")])
    assert "位置移动" in body_html(compare_texts(law(A, B, C, D), law(A, C, B, D)))


def test_rewritten_article_between_unchanged_ones_is_changed_not_deleted_and_added():
    rows = table(law(A, B, D), law(A, X, D))
    assert rows == [("same", "1", "1"), ("changed", "2", "2"), ("same", "3", "3")]


def test_spaces_and_bracket_style_are_no_change():
    old = law(A, "有下列情形之一的：\n(一)条件不足；\n(二)材料不全。")
    new = law(A.replace("合法", "合 法"), "有下列情形之一的：\n（一）条件不足；\n（二）材料不全。")
    assert table(old, new) == [("same", "1", "1"), ("same", "2", "2")]


def test_changed_words_are_marked_and_the_rest_is_not():
    old = law("收养查找不到生父母的儿童的，应当提交计划生育部门出具的证明。")
    new = law("收养查找不到生父母的儿童的，应当提交卫生健康主管部门出具的证明。")
    soup = BeautifulSoup(body_html(compare_texts(old, new)), "html.parser")
    assert [d.get_text() for d in soup.select("td.fz-dz-old del")] == ["计划生育部门"]
    assert [i.get_text() for i in soup.select("td.fz-dz-new ins")] == ["卫生健康主管部门"]
    # Every character of both texts is shown, in order.
    assert soup.select_one("td.fz-dz-new").get_text().endswith("收养查找不到生父母的儿童的，应当提交卫生健康主管部门出具的证明。")


def test_chapter_headings_are_rows_too():
    old = law(A, B, C, chapters={1: "第一章 总则", 3: "第二章 登记"})
    new = law(X, A, B, C, chapters={1: "第一章 总 则", 2: "第二章 原则", 4: "第三章 登记"})
    soup = BeautifulSoup(body_html(compare_texts(old, new)), "html.parser")
    heading_rows = soup.select("tr.fz-dz-heading")
    # 总则 (spaced out or not) unchanged, 原则 new, 登记 moved from 第二章 to 第三章.
    assert [tr["data-status"] for tr in heading_rows] == ["same", "added", "renumbered"]
    assert "第三章" in heading_rows[2].select_one("td.fz-dz-new").get_text()


# ----------------------------------------------------------------------------- the real pairs

PAIRS = {
    "cishan-fa": "cishan-fa-2016-superseded",
    "funv-quanyi-baozhang-fa": "funv-quanyi-baozhang-fa-2018-superseded",
    "weichengnianren-baohu-fa": "weichengnianren-baohu-fa-2020-superseded",
    "shouyang-dengji-banfa": "shouyang-dengji-banfa-2019-superseded",
}


@pytest.fixture(scope="module")
def real():
    """The rendered table of each real pair, parsed."""
    out = {}
    for new, old in PAIRS.items():
        comparison = compare_files(LAWS / f"{old}.md", LAWS / f"{new}.md")
        out[new] = (comparison, BeautifulSoup(body_html(comparison), "html.parser"))
    return out


def article_rows(soup):
    return [tr for tr in soup.select("tr[data-status]") if "fz-dz-heading" not in tr["class"]]


def test_the_handbook_versions_form_the_four_pairs():
    pairs = find_pairs(read_version(path) for path in sorted(LAWS.glob("*.md")))
    assert {(p.old.stem, p.new.stem) for p in pairs} == {(old, new) for new, old in PAIRS.items()}


def test_three_versions_pair_each_with_the_next_newer(tmp_path):
    for stem, date, status in [("a-2010", "2010-01-01", "superseded"), ("a", "2020-01-01", "current"),
                               ("a-2015", "2015-06-01", "superseded")]:
        (tmp_path / f"{stem}.md").write_text(f"---\ntitle: 某法\n公布日期: '{date}'\nstatus: {status}\n---\n# 某法\n",
                                             encoding="utf-8")
    pairs = find_pairs(read_version(path) for path in sorted(tmp_path.glob("*.md")))
    assert [(p.old.stem, p.new.stem) for p in pairs] == [("a-2015", "a"), ("a-2010", "a-2015")]


def test_minors_protection_2024_changed_only_article_9(real):
    comparison, soup = real["weichengnianren-baohu-fa"]
    rows = article_rows(soup)
    changed = [(tr["data-old"], tr["data-new"]) for tr in rows if tr["data-status"] != "same"]
    assert changed == [("9", "9")]
    assert sum(tr["data-status"] == "same" for tr in rows) == 131
    # 第九十五条 has a stray space in 2024 (条 件): the same text.
    row95 = next(tr for tr in rows if tr["data-new"] == "95")
    assert row95["data-status"] == "same" and not row95.select("del, ins")


def _bodies(stem: str) -> dict[int, str]:
    """Article number → its text without number or white space, straight from the file."""
    law = parse_law((LAWS / f"{stem}.md").read_text(encoding="utf-8"))
    return {a.number.base: re.sub(r"\s", "", "".join(p.text for p in a.paragraphs)[len(a.written):])
            for a in law.articles}


def test_charity_law_unchanged_texts_keep_their_pairing_under_new_numbers(real):
    old, new = _bodies("cishan-fa-2016-superseded"), _bodies("cishan-fa")
    where = {text: n for n, text in new.items()}
    expected = {o: where[text] for o, text in old.items() if text in where}
    assert len(expected) == 65  # issue 11: 44 under a new number, 21 under the same one
    assert sum(o != n for o, n in expected.items()) == 44
    _, soup = real["cishan-fa"]
    shown = {int(tr["data-old"]): tr for tr in article_rows(soup) if tr["data-old"].isdigit()}
    for o, n in expected.items():
        assert shown[o]["data-new"] == str(n), f"2016 第{o}条 should pair with 2023 第{n}条"
        assert shown[o]["data-status"] == ("same" if o == n else "renumbered")
        assert not shown[o].select("del, ins")


def test_adoption_rules_2019_articles_3_to_15_became_4_to_16(real):
    _, soup = real["shouyang-dengji-banfa"]
    pairs = {tr["data-old"]: tr["data-new"] for tr in article_rows(soup)}
    assert all(pairs[str(n)] == str(n + 1) for n in range(3, 16))
    assert pairs[""] == "3"  # the new 第三条 (党的领导) is added


@pytest.mark.parametrize("stem", PAIRS)
def test_every_article_once_per_side_and_counts_equal_rows(real, stem):
    comparison, soup = real[stem]
    rows = article_rows(soup)
    for side, source in (("data-old", PAIRS[stem]), ("data-new", stem)):
        numbers = [n for tr in rows for n in tr[side].split()]
        total = len(parse_law((LAWS / f"{source}.md").read_text(encoding="utf-8")).articles)
        assert sorted(numbers, key=int) == [str(n) for n in range(1, total + 1)]
    summary = soup.select_one(".fz-dz-summary").get_text()
    words = {"added": "新增", "deleted": "删除", "changed": "修改", "renumbered": "仅序号变动", "same": "未改"}
    for status, word in words.items():
        shown = int(re.search(rf"{word} (\d+) 条", summary).group(1))
        assert shown == sum(tr["data-status"] == status for tr in rows), word
    # Most of 未成年人保护法 is unchanged: 只看修改 starts on; 妇女权益保障法 was rewritten: off.
    if stem in ("weichengnianren-baohu-fa", "funv-quanyi-baozhang-fa"):
        pressed = soup.select_one("button.fz-dz-toggle")["aria-pressed"]
        assert pressed == ("true" if stem == "weichengnianren-baohu-fa" else "false")


# ----------------------------------------------------------------------------- the site

def _resolve(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The file a link on `page` (site-relative directory URL) opens, and its #anchor."""
    path, _, anchor = href.partition("#")
    target = (site / page / path).resolve()
    return (target / "index.html" if target.is_dir() else target), anchor


@pytest.mark.build
@pytest.mark.parametrize("stem", PAIRS)
def test_comparison_page_links_both_laws_and_its_pdf(built_site, stem):
    page = f"handbook/{stem}/duizhao/"
    soup = BeautifulSoup((built_site / page / "index.html").read_text("utf-8"), "html.parser")
    ids: dict[Path, set[str]] = {}
    for link in soup.select("table.fz-dz-table a.fz-dz-num"):
        target, anchor = _resolve(built_site, page, link["href"])
        if target not in ids:
            ids[target] = {el["id"] for el in BeautifulSoup(target.read_text("utf-8"), "html.parser").select("[id]")}
        assert anchor in ids[target], f"{link.get_text()} → {link['href']}"
    assert {t.parent.name for t in ids} == {stem, PAIRS[stem]}
    versions = [_resolve(built_site, page, a["href"])[0] for a in soup.select(".fz-dz-versions a")]
    assert versions == [built_site / "handbook" / law / "index.html" for law in (PAIRS[stem], stem)]
    pdf, _ = _resolve(built_site, page, soup.find("a", string="下载PDF")["href"])
    assert pdf == built_site / "pdf" / "handbook" / stem / "duizhao.pdf" and pdf.stat().st_size > 10_000
    # Both law pages link here; the superseded one also from its banner.
    for law, selector in ((stem, ".fz-law-meta a.fz-duizhao-link"), (PAIRS[stem], ".fz-law-banner a.fz-duizhao-link")):
        law_soup = BeautifulSoup((built_site / "handbook" / law / "index.html").read_text("utf-8"), "html.parser")
        link = law_soup.select_one(selector)
        assert link is not None, f"{law}: 没有新旧对照链接"
        assert _resolve(built_site, f"handbook/{law}/", link["href"])[0] == built_site / page / "index.html"


@pytest.mark.build
def test_comparison_pdf_is_a_landscape_table_with_header_and_page_numbers(built_site):
    import pdfplumber

    with pdfplumber.open(built_site / "pdf" / "handbook" / "cishan-fa" / "duizhao.pdf") as pdf:
        pages = pdf.pages
        assert len(pages) > 5
        for number, page in enumerate(pages, 1):
            assert round(page.width) == 842 and round(page.height) == 595  # A4 landscape
            text = page.extract_text()
            assert "修订前（2016年3月16日公布）" in text and "修订后（2023年12月29日公布）" in text, number
            assert f"第 {number} 页" in text and f"共 {len(pages)} 页" in text
        # The same summary as the web page, and the marked words of 第二条 (其他 → 非法人).
        web = BeautifulSoup((built_site / "handbook/cishan-fa/duizhao/index.html").read_text("utf-8"), "html.parser")
        first = pages[0].extract_text()
        assert web.select_one(".fz-dz-summary").get_text() in first
        assert "其他组织开展慈善活动" in first and "非法人组织开展慈善活动" in first


def _visible_rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('tr.fz-dz-row')]
        .filter(tr => tr.offsetParent !== null).map(tr => ({...tr.dataset, heading: tr.classList.contains('fz-dz-heading')}))""")


@pytest.mark.browser
@pytest.mark.build
def test_only_changes_switch_by_keyboard_and_marks_without_colour(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.goto(site_url + "handbook/weichengnianren-baohu-fa/duizhao/")
    button = page.get_by_role("button", name="只看修改")
    assert button.get_attribute("aria-pressed") == "true"  # 131 of 132 unchanged: on at first
    rows = [r for r in _visible_rows(page) if not r["heading"]]
    assert [(r["old"], r["new"]) for r in rows] == [("9", "9")]
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "false"
    assert len([r for r in _visible_rows(page) if not r["heading"]]) == 132
    page.keyboard.press("Space")
    assert button.get_attribute("aria-pressed") == "true"
    style = page.evaluate("""() => { const d = document.querySelector('td del'), i = document.querySelector('td ins');
        return {del: getComputedStyle(d).textDecorationLine, ins: getComputedStyle(i).textDecorationLine,
                before: getComputedStyle(d, '::before').content, insBefore: getComputedStyle(i, '::before').content}; }""")
    assert style["del"] == "line-through" and style["ins"] == "underline"
    assert "删除" in style["before"] and "新增" in style["insBefore"]  # said by screen readers
    page.close()


@pytest.mark.browser
@pytest.mark.build
def test_comparison_fits_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page.goto(site_url + "handbook/cishan-fa/duizhao/")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    labels = page.evaluate("""() => { const tr = document.querySelector('tr[data-status="changed"]');
        return [...tr.cells].map(td => getComputedStyle(td, '::before').content); }""")
    assert labels == ['"修订前"', '"修订后"']
    page.close()


@pytest.mark.browser
@pytest.mark.build
def test_search_finds_the_comparison_after_the_laws_articles(browser, site_url):
    page = browser.new_page(locale="zh-CN")
    page.goto(site_url)
    page.click("input.md-search__input")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('键入以开始搜索')")
    page.keyboard.insert_text("慈善法 修改")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    page.wait_for_timeout(500)
    pages = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
        .map(a => new URL(a.href).pathname)""")
    pages = list(dict.fromkeys(pages))
    comparison = next(i for i, p in enumerate(pages) if p.endswith("/handbook/cishan-fa/duizhao/"))
    law = next(i for i, p in enumerate(pages) if p.endswith("/handbook/cishan-fa/"))
    assert law < comparison
    page.close()


# ----------------------------------------------------------------------------- the command

def fazhi(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "fazhi", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


OLD_ADOPTION = LAWS / "shouyang-dengji-banfa-2019-superseded.md"
NEW_ADOPTION = LAWS / "shouyang-dengji-banfa.md"


def test_compare_command_lists_the_changes(tmp_path):
    result = fazhi("compare", str(OLD_ADOPTION), str(NEW_ADOPTION), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "新增 1 条、删除 0 条、修改 5 条、仅序号变动 9 条、未改 1 条"
    assert "新增：（无） → 第三条" in lines and "仅序号变动：第十五条 → 第十六条" in lines


def test_compare_command_reads_a_word_draft_and_writes_html_and_pdf(tmp_path):
    import docx
    import pdfplumber

    # The draft as staff get it: a Word file with the title and the articles, no Markdown.
    law = parse_law(NEW_ADOPTION.read_text(encoding="utf-8"))
    draft = docx.Document()
    draft.add_paragraph(law.title)
    for article in law.articles:
        for paragraph in article.paragraphs:
            draft.add_paragraph(paragraph.text)
    draft.save(tmp_path / "修订稿.docx")
    html = fazhi("compare", str(OLD_ADOPTION), "修订稿.docx", "-o", "对照表.html", cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    assert "已写入 对照表.html：新增 1 条、删除 0 条、修改 5 条、仅序号变动 9 条、未改 1 条" in html.stderr
    page = (tmp_path / "对照表.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one("th").get_text() == "修订前（2019年3月2日公布）"
    assert len(soup.select("tr[data-status]")) == 16 and "<script>" in page and "http" not in page
    pdf = fazhi("compare", str(OLD_ADOPTION), str(NEW_ADOPTION), "-o", "对照表.pdf", cwd=tmp_path)
    assert pdf.returncode == 0, pdf.stderr
    with pdfplumber.open(tmp_path / "对照表.pdf") as doc:
        assert doc.pages[0].width > doc.pages[0].height
        assert "修订后（2023年7月20日公布）" in doc.pages[0].extract_text()


def test_compare_command_errors_are_in_chinese(tmp_path):
    wrong = fazhi("compare", str(OLD_ADOPTION), str(NEW_ADOPTION), "-o", "对照表.docx", cwd=tmp_path)
    assert wrong.returncode == 1 and "输出文件只能是 .html 或 .pdf" in wrong.stderr
    missing = fazhi("compare", "没有.md", str(NEW_ADOPTION), cwd=tmp_path)
    assert missing.returncode == 1 and "没有.md: 错误：文件不存在" in missing.stderr


def test_comparison_pages_carry_their_search_boost():
    """The index marks every document of a comparison page with its boost, and nothing else."""
    from fazhi.search.dictionary import segmenter
    from fazhi.search.index import IndexBuilder
    from fazhi.site.compare import SEARCH_BOOST

    builder = IndexBuilder()
    builder.add_page("handbook/x/duizhao/", "某法 新旧对照", "<h1>某法 新旧对照</h1><p>修改</p>",
                     {"search": {"boost": SEARCH_BOOST}})
    builder.add_page("handbook/x/", "某法", '<div class="fz-article" id="t1"><p>第一条 修改</p></div>', {})
    docs = builder.documents(segmenter(tuple(builder.dictionary_words())), pinyin=False)
    boosts = {d["location"]: d.get("boost") for d in docs}
    assert boosts["handbook/x/duizhao/"] == SEARCH_BOOST
    assert boosts["handbook/x/"] is None and boosts["handbook/x/#t1"] is None
