"""The 2024 report as a reader gets it from a strict build of the repository."""

import json
import re

from bs4 import BeautifulSoup

from conftest import ROOT, SEED, build_site, cjk, copy_project

CN = "一二三四五六七八九十"


def soup_of(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def seed_lines():
    return [line.strip(" \u3000") for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip(" \u3000")]


def test_report_page_has_every_seed_character_in_order(built_site):
    article = soup_of(built_site, "reports/2024/index.html").select_one("article")
    assert cjk(article.get_text()) .find(cjk(SEED.read_text(encoding="utf-8"))) != -1


def test_top_level_headings_numbered_like_the_seed(built_site):
    article = soup_of(built_site, "reports/2024/index.html").select_one("article")
    shown = [h.get_text() for h in article.select(".fz-body h2")]
    written = [line for line in seed_lines() if re.match(rf"^[{CN}]+、", line)]
    assert shown == written
    assert [h[:2] for h in shown] == ["一、", "二、", "三、", "四、", "五、"]


def test_second_level_headings_are_the_seed_run_in_sentences(built_site):
    article = soup_of(built_site, "reports/2024/index.html").select_one("article")
    shown = [h.get_text() for h in article.select(".fz-body h3")]
    seed_run_ins = [re.match(r"^（[一二三四五六七八九十]+）[^。]*。", line).group(0)
                    for line in seed_lines() if line.startswith("（")]
    assert shown == seed_run_ins
    assert all("fz-run-in" in h["class"] for h in article.select(".fz-body h3"))


def test_title_addressee_signature_and_date_in_place(built_site):
    article = soup_of(built_site, "reports/2024/index.html").select_one("article")
    lines = seed_lines()
    blocks = [el for el in article.find_all(True) if el.get("class")]
    title = article.select_one("h1.fz-title")
    assert title.get_text() == lines[0]
    assert article.select_one(".fz-addressee").get_text() == lines[1] == "县委、县政府："
    text = article.get_text()
    body_end = text.index(lines[-3][-20:])
    assert text.index("东辽县民政局", body_end) < text.index("2025年1月26日", body_end)
    assert article.select_one(".fz-signer").get_text() == lines[-2]
    assert article.select_one(".fz-date").get_text() == lines[-1]
    assert blocks.index(article.select_one(".fz-signature")) > blocks.index(article.select_one(".fz-body"))


def test_heading_ids_are_pinyin_not_positional(built_site):
    article = soup_of(built_site, "reports/2024/index.html").select_one("article")
    ids = [h["id"] for h in article.select(".fz-body h2, .fz-body h3")]
    assert len(ids) == len(set(ids)) == 22
    assert not any(re.fullmatch(r"_\d+", i) for i in ids)
    assert ids[0].startswith("2024-nian-du-tui-jin-zheng-fu")


def test_numbers_reach_the_toc_and_search_index(built_site):
    toc = [a.get_text(" ", strip=True) for a in soup_of(built_site, "reports/2024/index.html").select("nav.md-nav--secondary a")]
    assert any(t.startswith("一、") for t in toc) and any(t.startswith("（五）") for t in toc)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"].replace("\u200b", "") for doc in index["docs"]
              if isinstance(doc, dict) and doc["location"].startswith("reports/2024/")]
    assert any(title.startswith("二、党政主要负责人") for title in titles)


def test_reports_archive_lists_the_year(built_site):
    archive = soup_of(built_site, "reports/index.html").select_one("article")
    link = archive.find("a", string=re.compile("2024年度法治政府建设报告"))
    assert link is not None and link["href"].rstrip("/").endswith("2024")


def test_adding_a_year_is_adding_one_file(tmp_path):
    project = copy_project(tmp_path / "p")
    new = (project / "docs/reports/2024.md").read_text(encoding="utf-8").replace("2024", "2025")
    (project / "docs/reports/2025.md").write_text(new, encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    archive = BeautifulSoup((tmp_path / "out/reports/index.html").read_text(encoding="utf-8"), "html.parser")
    years = [a.get_text() for a in archive.select("article td a")]
    assert [re.search(r"\d{4}", y).group(0) for y in years][:2] == ["2025", "2024"]
    nav = [a.get_text(strip=True) for a in archive.select("nav.md-nav--primary a")]
    assert nav.index(next(t for t in nav if "2025" in t)) < nav.index(next(t for t in nav if "2024" in t))


def test_wrong_manual_number_fails_strict_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "p", with_handbook=False)
    (project / "docs/reports/2023.md").write_text(
        "---\ntitle: 测试报告\n署名: 东辽县民政局\n成文日期: 2024年1月1日\n---\n\n正文。\n\n## 甲\n\n## 四、乙\n",
        encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert "reports/2023.md:11:1: warning:" in result.stderr + result.stdout
    assert build_site(project, tmp_path / "out2", strict=False).returncode == 0
