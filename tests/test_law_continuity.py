"""Article continuity on real texts and on damaged copies of them."""

import re

import pytest

from conftest import LAWS
from fazhi.law.continuity import check_articles

LAW_FILES = sorted(p for p in LAWS.glob("*.md") if p.name != "README.md")
BINZANG = (LAWS / "binzang-guanli-tiaoli.md").read_text(encoding="utf-8")


def line_of(text, start):
    """1-based line number of the first line starting with `start`."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def without_article(text, label):
    return re.sub(rf"\n{label} [^\n]*\n", "\n", text, count=1)


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_real_texts_are_continuous(path):
    assert check_articles(path.read_text(encoding="utf-8"), path.name) == []


def test_deleted_article_names_the_gap_and_the_line():
    damaged = without_article(BINZANG, "第十二条")
    [finding, count] = check_articles(damaged, "handbook/binzang.md")
    assert count.message == "前置信息 article_count 为24，正文实有23条"
    assert count.line == line_of(damaged, "article_count:")
    assert finding.path == "handbook/binzang.md"
    assert finding.line == line_of(damaged, "第十三条 ")
    assert finding.level == "warning"
    assert finding.message.startswith("第十一条之后应为第十二条，实为第十三条（缺少第十二条）")
    assert str(finding).startswith(f"handbook/binzang.md:{finding.line}:1: warning: ")


def test_two_deleted_articles_named_as_a_range():
    damaged = without_article(without_article(BINZANG, "第十二条"), "第十三条")
    messages = [f.message for f in check_articles(damaged, "x.md")]
    assert "第十一条之后应为第十二条，实为第十四条（缺少第十二条至第十三条）" in messages


def test_duplicated_article_points_at_the_copy_and_the_original():
    original = BINZANG.split("\n")[line_of(BINZANG, "第五条 ") - 1]
    damaged = BINZANG.replace(original, original + "\n\n" + original)
    [finding, count] = check_articles(damaged, "x.md")
    assert finding.line == line_of(damaged, "第五条 ") + 2
    assert finding.message == f"第五条重复（第{line_of(damaged, '第五条 ')}行已有第五条）"
    assert "article_count 为24，正文实有25条" in count.message


def test_out_of_order_article():
    body = "# 某条例\n\n第一条 甲。\n\n第三条 丙。\n\n第二条 乙。\n\n第四条 丁。\n"
    messages = [(f.line, f.message) for f in check_articles(body, "x.md")]
    assert messages == [(5, "第一条之后应为第二条，实为第三条（缺少第二条）"), (7, "第二条顺序颠倒：出现在第三条之后")]


def test_first_article_must_be_the_first():
    [finding] = check_articles("第二条 乙。\n\n第三条 丙。\n", "x.md")
    assert (finding.line, finding.message) == (1, "首条应为第一条，实为第二条（缺少第一条）")


def test_inserted_articles_allowed_only_after_their_base():
    good = "第一条 甲。\n\n第一条之一 乙。\n\n第一条之二 丙。\n\n第二条 丁。\n"
    assert check_articles(good, "x.md") == []
    bad = "第一条 甲。\n\n第二条 乙。\n\n第一条之一 丙。\n"
    assert [f.line for f in check_articles(bad, "x.md")] == [5]


def test_without_front_matter_lines_are_those_of_the_given_text():
    body = BINZANG.split("\n---\n", 1)[1]
    damaged = without_article(body, "第十二条")
    [finding] = check_articles(damaged, "x.md")
    assert finding.line == line_of(damaged, "第十三条 ")
