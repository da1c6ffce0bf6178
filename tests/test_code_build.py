"""A code (法典) with 编 and 分编, pasted in the official layout, imported with `fazhi import
--law` and built strictly beside the real handbook; a law with invisible characters; and a
new version of 婚姻登记条例 (made up here) added as one file.

One temporary project, built once for the module (no PDF): what a staff member gets when
adding such texts.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_project
from test_cli import fazhi
from test_law_odd_input import INVISIBLE

#: As the official text reads when copied: title, 题注 in brackets, 目录, 编/分编/章/节 lines
#: with wide blanks, indented 条 lines, a zero-width space before one article, a closing 附则.
PASTED = """中华人民共和国测试法典
（2020年5月28日第十三届全国人民代表大会第三次会议通过）
目\u3000\u3000录
第一编\u3000总\u3000\u3000则
第一章\u3000基本规定
第二章\u3000自然人
第二编\u3000物\u3000\u3000权
第一分编\u3000通\u3000\u3000则
第一章\u3000一般规定
第二分编\u3000所\u3000有\u3000权
第二章\u3000所有权一般规定
第一节\u3000业主的建筑物区分所有权
附\u3000\u3000则
第一编\u3000总\u3000\u3000则
第一章\u3000基本规定
\u3000\u3000第一条\u3000为了测试，制定本法。
\u3000\u3000第二条\u3000本法适用于测试。
第二章\u3000自然人
\u3000\u3000第三条\u3000自然人的民事权利能力一律平等。
第二编\u3000物\u3000\u3000权
第一分编\u3000通\u3000\u3000则
第一章\u3000一般规定
\u3000\u3000第四条\u3000本编调整物权关系。
第二分编\u3000所\u3000有\u3000权
第二章\u3000所有权一般规定
\u3000\u3000第五条\u3000所有权人依法享有权利。
第一节\u3000业主的建筑物区分所有权
\u3000\u3000第六条\u3000业主对专有部分享有所有权。
\u200b
\u3000\u3000\u200b第七条\u3000依照本法第一条、第四条的规定。
附\u3000\u3000则
\u3000\u3000第八条\u3000本法自2021年1月1日起施行。
"""

HEADING_IDS = ["bian-1", "bian-1-zhang-1", "bian-1-zhang-2", "bian-2", "bian-2-fenbian-1", "bian-2-zhang-1",
               "bian-2-fenbian-2", "bian-2-zhang-2", "bian-2-zhang-2-jie-1"]


#: A made-up later text of 婚姻登记条例 (the real 2025 text is not in ../shared/laws).
NEW_VERSION = """婚姻登记条例
（测试用虚构文本，仅用于验证新版本的收录）
第一条\u3000为了测试新版本的收录，制定本条例。
第二条\u3000本条例自公布之日起施行。
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("code") / "project")
    (project / "fadian.txt").write_text(PASTED, encoding="utf-8")
    (project / "hunyin.txt").write_text(NEW_VERSION, encoding="utf-8")
    (project / "handbook" / "lingkuan.md").write_text(INVISIBLE, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def new_version(project):
    """What staff do: import the text (default file name), then fill in the date it asks for."""
    result = fazhi("import", "--law", "hunyin.txt", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    path = Path(re.search(r"已写入 (\S+)", result.stderr)[1])
    assert path.parent == project / "handbook"
    text = path.read_text(encoding="utf-8")
    assert "公布日期: null" in text
    path.write_text(text.replace("公布日期: null", "公布日期: '2025-04-06'"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def imported(project):
    result = fazhi("import", "--law", "fadian.txt", "-o", "handbook/ceshi-fadian.md", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "handbook" / "ceshi-fadian.md"


@pytest.fixture(scope="module")
def build(project, imported, new_version):
    out = project.parent / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stderr


@pytest.fixture(scope="module")
def site(build):
    return build[0]


def content(site, stem):
    html = (site / "handbook" / stem / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_import_writes_the_code_as_headings_and_articles(imported):
    text = imported.read_text(encoding="utf-8")
    assert "\u200b" not in text
    assert "article_count: 8" in text
    for heading in ["## 第一编 总 则", "## 第一分编 通 则", "## 第二分编 所 有 权", "### 第一节 业主的建筑物区分所有权",
                    "## 附 则"]:
        assert f"\n{heading}\n" in text
    assert "目" not in text.split("<!-- INFO END -->")[0].split("---")[-1].replace("题注", "")  # 目录 dropped


def test_code_page_ids_toc_and_levels(site):
    page = content(site, "ceshi-fadian")
    article = page.select_one("article.md-content__inner")
    ids = [el["id"] for el in page.select("[id]")]
    assert [key for key, n in Counter(ids).items() if n > 1] == []
    assert [h["id"] for h in article.select("h2, h3, h4, h5") if re.match(r"bian-", h["id"])] == HEADING_IDS
    assert [d["id"] for d in article.select("div.fz-article")] == [f"t{n}" for n in range(1, 9)]
    levels = {h["id"]: h.name for h in article.select("[id^=bian-]")}
    assert [levels[i] for i in ("bian-2", "bian-2-fenbian-2", "bian-2-zhang-2", "bian-2-zhang-2-jie-1")] == [
        "h2", "h3", "h4", "h5"]
    toc = page.select_one("nav.md-nav--secondary")
    top = [a.get_text(" ", strip=True) for a in toc.select(":scope > ul > li > a")]
    assert top == ["第一编 总 则", "第二编 物 权", "附 则"]
    assert [a["href"] for a in article.select("#t7 a.fz-xref")] == ["#t1", "#t4"]


def test_invisible_characters_page_builds_with_every_article(site):
    article = content(site, "lingkuan").select_one("article.md-content__inner")
    assert [d["id"] for d in article.select("div.fz-article")] == ["t1", "t2", "t3", "t4", "t5"]
    assert [s.get_text() for s in article.select("strong.fz-article-num")][0] == "第一条"


def test_a_new_version_is_one_file_and_links_up_with_the_old_one(build, new_version):
    site, log = build
    stem, old = new_version.stem, "hunyin-dengji-tiaoli-2003-superseded"
    assert (f"handbook/{stem}.md:1:1: info: handbook.yml 未列出本文件，"
            "已按同名文本 hunyin-dengji-tiaoli-2003-superseded 归入“婚姻家庭与收养”类") in log

    def versions(page, label):
        meta = content(site, page).select_one("dl.fz-law-meta")
        cell = next(dt for dt in meta.select("dt") if dt.get_text() == label).find_next_sibling("dd")
        return [(a.get_text(), a["href"]) for a in cell.select("a")]

    assert versions(stem, "历史文本") == [("2003年8月8日公布的文本", f"../{old}/")]
    assert versions(old, "现行文本") == [("2025年4月6日公布的文本", f"../{stem}/")]
    index = BeautifulSoup((site / "handbook" / "index.html").read_text(encoding="utf-8"), "html.parser")
    category = next(h for h in index.select("h2") if h.get_text() == "婚姻家庭与收养")
    items = category.find_next_sibling("ul").select(":scope > li")
    new = next(li for li in items if li.select_one("a")["href"] == f"{stem}/")
    assert [a["href"] for a in new.select(":scope li a")] == [f"{old}/"]
    # The old text is no longer listed on its own as a text without a current version.
    assert not [li for li in items if li.select_one("a")["href"] == f"{old}/"]
