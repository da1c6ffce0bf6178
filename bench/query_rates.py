"""Top-1 and top-3 rates of a query set typed into the built site's search box in Chromium.

    .venv/bin/python bench/query_rates.py [QUERIES.yml] [--site DIR]

QUERIES defaults to tests/search_queries.yml (the test's set); bench/search_holdout.yml holds
questions the ranking was not tuned on. Without --site the site is built first (FAZHI_PDF=0).
Typing, reading the results and matching the expected places are the browser test's own
(tests/test_search_browser.py), so the figures are the ones the test computes.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, build_site  # noqa: E402
import test_search_browser as browser_test  # noqa: E402


def ranks(site: Path, queries: list[dict]) -> dict[str, tuple[int | None, list]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    found: dict[str, tuple[int | None, list]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        browser_test.open_search(page, url)
        for query in queries:
            browser_test.clear_box(page)
            browser_test.type_like_a_reader(page, query["q"])
            results = browser_test.settled_results(page)
            ranked = list(dict.fromkeys(browser_test.target(link["href"], url) for item in results for link in item))
            rank = next((i for i, place in enumerate(ranked) if browser_test.hits(query, place)), None)
            found[query["q"]] = (rank, ranked[:3])
        browser.close()
    server.shutdown()
    return found


def report(queries: list[dict], found: dict) -> None:
    def rate(values: list, k: int) -> str:
        return f"{sum(r is not None and r < k for r in values) / max(1, len(values)):6.1%}"

    by_kind: dict[str, list] = defaultdict(list)
    for query in queries:
        by_kind[query["kind"]].append(found[query["q"]][0])
    for kind, values in sorted(by_kind.items()):
        print(f"  {kind:9} n={len(values):3}  top-1 {rate(values, 1)}  top-3 {rate(values, 3)}")
    for name, kinds in (("Chinese", browser_test.CHINESE_KINDS), ("pinyin", browser_test.PINYIN_KINDS)):
        values = [found[q["q"]][0] for q in queries if q["kind"] in kinds]
        if values:
            print(f"  {name:9} n={len(values):3}  top-1 {rate(values, 1)}  top-3 {rate(values, 3)}")
    for query in queries:
        rank, top = found[query["q"]]
        if rank != 0:
            print(f"  not first: {query['q']} → {query['page']}#{query.get('anchor') or ''} (rank {rank}; first "
                  f"{'#'.join(top[0]) if top else 'nothing'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="?", type=Path, default=ROOT / "tests" / "search_queries.yml")
    parser.add_argument("--site", type=Path, help="a built site (default: build one now, without PDFs)")
    args = parser.parse_args()
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))["queries"]
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            result = build_site(ROOT, site)
            if result.returncode:
                raise SystemExit(result.stdout + result.stderr)
        print(f"{args.queries.name}: {len(queries)} queries")
        report(queries, ranks(site, queries))


if __name__ == "__main__":
    main()
