"""A law page's sidebar stays bounded when the handbook holds hundreds of texts."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_project
from fazhi.site.sidebar import LIMIT, NEIGHBOURS
from fazhi.text.numerals import to_chinese

pytestmark = pytest.mark.build
LAWS = LIMIT + 10


def law(i: int) -> str:
    title = f"测试第{to_chinese(i)}号条例"
    return (f"---\ntitle: {title}\nlevel: 行政法规\nstatus: current\n---\n# {title}\n\n<!-- INFO END -->\n\n"
            f"第一条　为了测试第{to_chinese(i)}号事项，制定本条例。\n\n第二条　本条例自发布之日起施行。\n")


@pytest.fixture(scope="module")
def big_handbook(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("sidebar") / "project", with_handbook=False)
    (project / "handbook").mkdir()
    stems = [f"ceshi-{i:03d}" for i in range(1, LAWS + 1)]
    for i, stem in enumerate(stems, 1):
        (project / "handbook" / f"{stem}.md").write_text(law(i), encoding="utf-8")
    (project / "handbook" / "handbook.yml").write_text(
        "title: 测试手册\ncategories:\n  测试条例:\n" + "".join(f"    - {s}\n" for s in stems[:-1]) +
        f"  另一类:\n    - {stems[-1]}\n", encoding="utf-8")
    site = project / "site"
    result = build_site(project, site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, stems


def sidebar(site, url: str) -> list[str]:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]


def test_law_page_lists_its_neighbours_and_the_categories(big_handbook):
    site, stems = big_handbook
    links = sidebar(site, "handbook/ceshi-030")
    laws = [t for t in links if t.startswith("测试第")]
    assert laws == [f"测试第{to_chinese(i)}号条例" for i in range(30 - NEIGHBOURS, 30 + NEIGHBOURS + 1)]
    assert f"本类全部 {LAWS - 1} 部" in links
    assert "另一类（1 部）" in links
    assert len(links) < 40


def test_index_page_still_lists_every_law(big_handbook):
    site, stems = big_handbook
    soup = BeautifulSoup((site / "handbook" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article").get_text()
    assert all(f"测试第{to_chinese(i)}号条例" in article for i in range(1, LAWS + 1))
    assert sum(1 for t in sidebar(site, "handbook") if t.startswith("测试第")) == 0
