"""The one front-matter splitter every source reader uses: same line numbers everywhere."""

import pytest

from fazhi.text.frontmatter import split_front_matter


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: 甲\n---\n正文\n", ("title: 甲", "正文\n", 3)),
    ("---  \ntitle: 甲\n...\n正文", ("title: 甲", "正文", 3)),
    ("---\r\ntitle: 甲\r\n---\r\n正文\r\n", ("title: 甲\r", "正文\r\n", 3)),
    ("\ufeff---\ntitle: 甲\n---\n正文", ("title: 甲", "正文", 3)),
    ("正文\n---\n", ("", "正文\n---\n", 0)),
    ("---\ntitle: 未闭合\n正文", ("", "---\ntitle: 未闭合\n正文", 0)),
])
def test_split(text, expected):
    assert split_front_matter(text) == expected
