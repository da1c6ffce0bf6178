"""No page of the built site gives one id twice: every link to #id has one place to land."""

import re
from collections import Counter

_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def test_no_page_of_the_site_repeats_an_id(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    repeated = {}
    for page in pages:
        counts = Counter(_ID.findall(page.read_text(encoding="utf-8")))
        twice = sorted(key for key, n in counts.items() if n > 1)
        if twice:
            repeated[page.relative_to(built_site).as_posix()] = twice
    assert repeated == {}
