"""Search benchmark: fazhi search against stock Material search (lunr + jieba) on this site.

Measures index size (raw and gzip; ours with and without pinyin keys), build time with and
without the search hook, the build-time cost of segmentation and pinyin, search readiness
and time to first result in Chromium, and (with --queries) top-1/top-3 of the query set of
tests/search_queries.yml on both engines.

    .venv/bin/python bench/search_bench.py [--queries]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, build_site, copy_project  # noqa: E402
import test_search_browser as browser_test  # noqa: E402

TIMED_QUERIES = ["宪法宣传周", "婚姻 登记", "殡葬 第十条", "hydj", "特困人员", "法律顾问"]
STOCK_LINES = ("  - hooks/search.py\n", "  custom_dir: overrides\n")


def sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, compresslevel=9))


def kb(pair: tuple[int, int]) -> str:
    return f"{pair[0] / 1024:7.1f} KiB raw, {pair[1] / 1024:6.1f} KiB gzip"


def timed_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    result = build_site(project, out, strict=False)
    if result.returncode:
        raise SystemExit(result.stderr)
    return time.perf_counter() - start


def stock_project(dest: Path) -> Path:
    """A copy of the project whose search is Material's own (no fazhi hook, no worker swap)."""
    copy_project(dest)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for line in STOCK_LINES:
        text = text.replace(line, "")
    config.write_text(text, encoding="utf-8")
    return dest


def segmentation_cost(project: Path, out: Path) -> dict[str, float]:
    """Build in-process once, timing the search steps through the classes the hook uses."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from fazhi.search import index as search_index

    spent = {"split pages": 0.0, "load jieba + domain words": 0.0, "segment + pinyin + write": 0.0}

    def timing(name, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    originals = (search_index.IndexBuilder.add_page, search_index.segmenter, search_index.IndexBuilder.write)
    search_index.IndexBuilder.add_page = timing("split pages", originals[0])
    search_index.segmenter = timing("load jieba + domain words", originals[1])
    search_index.IndexBuilder.write = timing("segment + pinyin + write", originals[2])
    try:
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(out)))
    finally:
        search_index.IndexBuilder.add_page, search_index.segmenter, search_index.IndexBuilder.write = originals
    spent["segment + pinyin + write"] -= spent["load jieba + domain words"]
    return spent


@contextmanager
def served(site: Path):
    handler = functools.partial(browser_test_handler(), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def browser_test_handler():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass
    return Quiet


FIRST_RESULT = """async (query) => {
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  input.value = ''; input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  while (list.children.length) await new Promise(r => setTimeout(r, 5));
  const start = performance.now();
  input.value = query; input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  while (!list.children.length && performance.now() - start < 5000) await new Promise(r => requestAnimationFrame(r));
  return performance.now() - start;
}"""


def browser_timings(url: str, pw) -> dict[str, float]:
    chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = chromium.new_page()
    start = time.perf_counter()
    browser_test.open_search(page, url)
    ready = time.perf_counter() - start
    times = [page.evaluate(FIRST_RESULT, q) for q in TIMED_QUERIES for _ in range(3)]
    chromium.close()
    return {"load → search ready (ms)": ready * 1000, "first result median (ms)": statistics.median(times),
            "first result max (ms)": max(times)}


def query_rates(url: str, pw) -> dict[str, float]:
    """top-1 / top-3 over the query set, typed the way the browser test types."""
    chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = chromium.new_page()
    browser_test.open_search(page, url)
    ranks = {}
    for query in browser_test.QUERIES:
        browser_test.clear_box(page)
        browser_test.type_like_a_reader(page, query["q"])
        found = [browser_test.target(link["href"], url) for item in browser_test.settled_results(page) for link in item]
        found = list(dict.fromkeys(found))
        ranks[query["q"]] = next((i for i, f in enumerate(found) if browser_test.hits(query, f)), None)
    chromium.close()
    out = {}
    for group, kinds in (("Chinese", browser_test.CHINESE_KINDS), ("pinyin", browser_test.PINYIN_KINDS)):
        picked = [ranks[q["q"]] for q in browser_test.QUERIES if q["kind"] in kinds]
        for k in (1, 3):
            out[f"{group} top-{k}"] = sum(r is not None and r < k for r in picked) / len(picked)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", action="store_true", help="also run the query set on both engines")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours, stock = tmp / "ours", tmp / "stock"
        stock_src = stock_project(tmp / "stock-src")
        t_ours, t_stock = timed_build(ROOT, ours), timed_build(stock_src, stock)
        spent = segmentation_cost(ROOT, tmp / "inprocess")

        ours_raw = (ours / "search" / "search_index.json").read_bytes()
        index = json.loads(ours_raw)
        for doc in index["docs"]:
            doc.pop("pinyin", None)
        no_pinyin = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with_py, without_py = sizes(ours_raw), sizes(no_pinyin)
        stock_size = sizes((stock / "search" / "search_index.json").read_bytes())
        worker = sizes((ours / "assets" / "search" / "worker.js").read_bytes())

        print(f"documents: {len(index['docs'])}  (words list: {len(index['config'].get('words', '').split())})")
        print(f"index, fazhi with pinyin     {kb(with_py)}")
        print(f"index, fazhi without pinyin  {kb(without_py)}")
        print(f"pinyin growth                {with_py[0] / without_py[0] - 1:6.1%} raw, {with_py[1] / without_py[1] - 1:6.1%} gzip")
        print(f"index, stock Material        {kb(stock_size)}")
        print(f"fazhi worker.js              {kb(worker)}")
        print(f"build (FAZHI_PDF=0): fazhi {t_ours:.2f} s, stock {t_stock:.2f} s")
        for name, seconds in spent.items():
            print(f"  build step {name:28} {seconds:6.2f} s")
        with sync_playwright() as pw:
            for name, site in (("fazhi", ours), ("stock", stock)):
                with served(site) as url:
                    for key, value in browser_timings(url, pw).items():
                        print(f"browser {name}: {key:28} {value:8.1f}")
                    if args.queries:
                        for key, value in query_rates(url, pw).items():
                            print(f"query set {name}: {key:12} {value:6.1%}")


if __name__ == "__main__":
    main()
