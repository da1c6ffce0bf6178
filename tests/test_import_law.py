"""`fazhi import --law`: a law as copied from 国家法律法规数据库 into the handbook format."""

from __future__ import annotations

from conftest import LAWS
from fazhi.importer.law import convert_law
from fazhi.importer.source import paragraphs_from_text
from fazhi.law.continuity import check_articles
from fazhi.law.structure import parse_law


def _as_copied_from_flk(name: str, drop: str | None = None) -> tuple[str, str]:
    """The law as the database page reads: title, 题注 in brackets, 目录, indented 章 and 条 lines."""
    source = (LAWS / name).read_text(encoding="utf-8")
    body = source.split("<!-- INFO END -->", 1)[1]
    chapters = [line[3:].replace(" ", "\u3000") for line in body.splitlines() if line.startswith("## ")]
    lines = ["殡葬管理条例", "（1997年7月21日中华人民共和国国务院令第225号发布）", "目\u3000\u3000录", *chapters]
    for line in body.splitlines():
        if drop and line.startswith(drop):
            continue
        lines.append("\u3000\u3000" + (line[3:].replace(" ", "\u3000") if line.startswith("## ") else line))
    return "\n".join(lines), body


def test_law_import_keeps_every_article_and_structure():
    text, body = _as_copied_from_flk("binzang-guanli-tiaoli.md")
    result = convert_law(paragraphs_from_text(text), "binzang.txt")
    assert result.meta["title"] == "殡葬管理条例"
    assert result.meta["level"] == "行政法规"
    assert result.meta["article_count"] == 24
    assert result.meta["history"] == ["（1997年7月21日中华人民共和国国务院令第225号发布）"]
    imported = parse_law(result.markdown)
    original = parse_law((LAWS / "binzang-guanli-tiaoli.md").read_text(encoding="utf-8"))
    assert [a.number for a in imported.articles] == [a.number for a in original.articles]
    assert [[p.text for p in a.paragraphs] for a in imported.articles] == [[p.text for p in a.paragraphs] for a in original.articles]
    assert [h.text for h in imported.headings] == [h.text for h in original.headings]
    assert "## 第一章 总则" in result.markdown
    assert check_articles(result.markdown, "binzang.md") == []


def test_law_import_with_a_missing_article_is_caught_by_the_continuity_check():
    text, _ = _as_copied_from_flk("binzang-guanli-tiaoli.md", drop="第五条")
    result = convert_law(paragraphs_from_text(text), "binzang.txt")
    assert result.meta["article_count"] == 23
    messages = [d.message for d in check_articles(result.markdown, "binzang.md")]
    assert any("应为第五条，实为第六条" in m for m in messages), messages


def test_a_part_of_a_code_pasted_alone_is_imported_as_an_excerpt():
    source = (LAWS / "minfadian-hunyin-jiating-bian.md").read_text(encoding="utf-8")
    body = source.split("<!-- INFO END -->", 1)[1]
    lines = ["中华人民共和国民法典", "（2020年5月28日第十三届全国人民代表大会第三次会议通过）", "第五编\u3000婚姻家庭"]
    for line in body.splitlines():
        heading = line.startswith("#")
        text = line.lstrip("#").strip().replace("\u2002\u2002", "\u3000") if heading else line
        lines.append(text if heading else "\u3000\u3000" + text)
    result = convert_law(paragraphs_from_text("\n".join(lines)), "hunyin.txt")
    meta = result.meta
    assert (meta["title"], meta["excerpt"], meta["first_article"], meta["article_count"]) == (
        "中华人民共和国民法典（婚姻家庭编）", "第五编 婚姻家庭", "第一千零四十条", 79)
    assert check_articles(result.markdown, "hunyin.md") == []
    imported = parse_law(result.markdown)
    original = parse_law(source)
    assert [a.number for a in imported.articles] == [a.number for a in original.articles]
    assert [(h.kind, h.anchor) for h in imported.headings][:2] == [("编", "bian-5"), ("章", "bian-5-zhang-1")]
    assert [h.anchor for h in imported.headings] == [h.anchor for h in original.headings]
