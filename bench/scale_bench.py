"""Figures at the handbook's real size (issue 14), fazhi side by side with stock, in one run.

For each corpus of bench/corpus.py (large: ~40 texts / 3,600+ articles; huge: 991 texts /
50,000 articles), the project and a stock MkDocs + Material + jieba tree of the same Markdown
(bench/build_bench.py) are built in turns, `--runs` times (median), FAZHI_PDF=0. Then:

* build seconds and peak memory, fazhi cold (no .cache) and warm, and stock; the `mkdocs serve`-style rebuild after
  editing one law (bench/build_bench.py's);
* site size, the search index (first part, and all parts) gzip, the biggest law page and a
  small one (HTML bytes, navigation links in it);
* search, served by Debian's nginx with deploy/nginx.conf (gzip as readers get it), in
  Chromium under network emulation (1.6 Mbps down, 150 ms latency): bytes of search files sent
  (gzip, from nginx's log) from page load to the first result of a query, and the time from
  navigation to that result; stock fetches its whole index;
* the biggest page on a phone (390 px, CPU 4x slower, same network): Largest Contentful
  Paint and the time until the page's scripts have run (load event: search and TOC usable).

    .venv/bin/python bench/scale_bench.py                 # large, 3 runs
    .venv/bin/python bench/scale_bench.py --corpus huge --runs 1
    .venv/bin/python bench/scale_bench.py --quick         # 1x corpus, 1 run, no rebuild, no browser (CI)
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
from build_bench import Run, build, project_tree, rebuild, stock_tree, table  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

NGINX = "/usr/sbin/nginx"
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
QUERIES = ["宪法宣传周", "婚姻 登记", "殡葬 第十条", "hydj", "特困人员", "法律顾问", "xingzheng chufa", "监护人 责任"]
BIG_PAGE_JS = """() => new Promise(resolve => {
  let lcp = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  const done = () => setTimeout(() => resolve({lcp, usable: performance.timing.loadEventEnd - performance.timing.navigationStart,
    dcl: performance.timing.domContentLoadedEventEnd - performance.timing.navigationStart}), 50);
  document.readyState === 'complete' ? done() : addEventListener('load', done);
})"""


def trees(tmp: Path, kind: str) -> tuple[Path, Path, int]:
    ours = project_tree(tmp / f"ours-{kind}", 1)
    articles = corpus.make(kind, ours / "handbook")
    stock = stock_tree(tmp / f"stock-{kind}", 1)
    corpus.make(kind, stock / "docs" / "handbook")
    (stock / "docs" / "handbook" / "handbook.yml").unlink(missing_ok=True)
    return ours, stock, articles


def builds(ours: Path, stock: Path, out: Path, runs: int) -> tuple[list[Run], list[Run], list[Run]]:
    """Per run: fazhi cold (its .cache removed), stock, fazhi warm (the cache the cold build left).
    Alternating, so load from other jobs falls on both alike."""
    cold, theirs, warm = [], [], []
    for i in range(runs):
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        cold.append(build(ours, out / f"ours-{i}"))
        theirs.append(build(stock, out / f"stock-{i}"))
        warm.append(build(ours, out / f"ours-warm-{i}"))
    return cold, theirs, warm


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def site_figures(site: Path) -> dict[str, str]:
    pages = sorted((site / "handbook").glob("*/index.html"), key=lambda p: p.stat().st_size)
    small, big = pages[0], pages[-1]
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())

    def nav_links(page: Path) -> int:
        html = page.read_text(encoding="utf-8")
        nav = html.split('class="md-nav md-nav--primary"', 1)[-1].split('class="md-nav md-nav--secondary"', 1)[0]
        return nav.count("md-nav__link")

    index = site / "search" / "search_index.json"
    parts = sorted((site / "search" / "parts").glob("*.json"))
    return {"网站 MB": f"{total / 1e6:.1f}",
            "搜索首块/全部 KB gzip": f"{gzipped(index) / 1024:.0f} / {sum(map(gzipped, [index, *parts])) / 1024:.0f}",
            "最大法规页 KB（导航链接数）": f"{big.stat().st_size / 1e3:.0f}（{nav_links(big)}）",
            "最小法规页 KB（导航链接数）": f"{small.stat().st_size / 1e3:.0f}（{nav_links(small)}）",
            "biggest": str(big.relative_to(site).parent) + "/"}


class Nginx:
    """deploy/nginx.conf over a site on a free port, logging bytes sent per request."""

    def __init__(self, site: Path, tmp: Path) -> None:
        from test_nginx import test_config

        tmp.mkdir(parents=True, exist_ok=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = tmp / "access.log"
        conf = test_config((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"), site, self.port, tmp)
        conf = conf.replace("access_log off;", f"log_format sent '$request_uri $bytes_sent';\n    access_log {self.log} sent;")
        (tmp / "nginx.conf").write_text(conf, encoding="utf-8")
        self.proc = subprocess.Popen([NGINX, "-c", str(tmp / "nginx.conf"), "-p", str(tmp), "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}/"

    def search_bytes(self) -> int:
        """Bytes sent for search files since the last call (the log is emptied)."""
        time.sleep(0.3)  # nginx writes its log line after the response
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        self.log.write_text("", encoding="utf-8")
        return sum(int(n) for path, n in (line.rsplit(" ", 1) for line in lines) if "/search/" in path)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


ITEMS = ".md-search-result__item"
#: The result list answered: results shown, or the meta line says none were found.
ANSWERED = """(ready) => document.querySelector('.md-search-result__item') ||
  !document.querySelector('.md-search-result__meta').textContent.includes(ready)"""


def first_results(pw, server: Nginx) -> list[tuple[str, float, int, int]]:
    """(query, ms from navigation to its answer, search bytes sent, results): each in a fresh visit."""
    from test_search_browser import READY, open_search

    out = []
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    for query in QUERIES:
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(180_000)  # stock's whole index at the huge corpus takes long
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        server.search_bytes()
        start = time.perf_counter()
        open_search(page, server.url)
        page.locator("input.md-search__input").fill(query)
        page.locator("input.md-search__input").dispatch_event("keyup")
        page.wait_for_function(ANSWERED, arg=READY, timeout=60_000)
        out.append((query, (time.perf_counter() - start) * 1000, server.search_bytes(), page.locator(ITEMS).count()))
        context.close()
    browser.close()
    return out


def big_page(pw, url: str) -> dict[str, float]:
    """LCP and load on a 390 px phone, CPU 4x slower, network emulated; median of 3 visits."""
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    runs = []
    for _ in range(3):
        context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3,
                                      is_mobile=True, has_touch=True, locale="zh-CN")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="load", timeout=120_000)
        runs.append(page.evaluate(BIG_PAGE_JS))
        context.close()
    browser.close()
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description="fazhi 与原版在大语料上的对比（构建、网站大小、搜索分块、手机大页面）")
    parser.add_argument("--corpus", default="large", choices=["1x", "large", "huge"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1x 语料，构建一次，不开浏览器（CI 用）")
    args = parser.parse_args()
    kind, runs = ("1x", 1) if args.quick else (args.corpus, args.runs)
    with tempfile.TemporaryDirectory(prefix="fazhi-scale-") as tmp_name:
        tmp = Path(tmp_name)
        ours, stock, articles = trees(tmp, kind)
        build(project_tree(tmp / "warm", 1), tmp / "warm-site")  # untimed: byte-compiling and jieba's cache
        cold, theirs, warm = builds(ours, stock, tmp, runs)
        c, t, w = (statistics.median(r.seconds for r in runs_) for runs_ in (cold, theirs, warm))
        print(f"## 语料 {kind}：{len(list((ours / 'handbook').glob('*.md')))} 部文本，{articles} 条（FAZHI_PDF=0，中位数/{runs} 次）\n")
        print(table([[f"{c:.1f}", f"{w:.1f}", f"{t:.1f}", f"{c / t:.2f}", f"{w / t:.2f}",
                      f"{max(r.peak_rss_mb for r in cold):.0f}", f"{max(r.peak_rss_mb for r in theirs):.0f}"]],
                    ["fazhi 冷 秒", "fazhi 热 秒", "原版 秒", "冷倍数(目标≤1.3)", "热倍数", "fazhi 峰值内存MB",
                     "原版 峰值内存MB"]))
        if not args.quick and kind != "huge":  # the serve rebuild builds each side twice more
            ours_rebuild, stock_rebuild = rebuild(ours, tmp / "ours-serve"), rebuild(stock, tmp / "stock-serve")
            print("\n## 修改一部法规后的重建（同一进程，如 mkdocs serve，FAZHI_PDF=0）\n")
            print(table([[f"{ours_rebuild:.1f}", f"{stock_rebuild:.1f}", f"{ours_rebuild / stock_rebuild:.2f}"]],
                        ["fazhi 秒(目标≤1)", "原版 秒", "倍数"]))
        site, stock_site = tmp / "ours-0", tmp / "stock-0"
        ours_fig, stock_fig = site_figures(site), site_figures(stock_site)
        print("\n## 页面与网站大小\n")
        keys = [k for k in ours_fig if k != "biggest"]
        print(table([["fazhi", *(ours_fig[k] for k in keys)], ["原版", *(stock_fig[k] for k in keys)]], ["", *keys]))
        if args.quick or not Path(NGINX).exists():
            return
        from playwright.sync_api import sync_playwright

        servers = {name: Nginx(s, tmp / f"nginx-{name}") for name, s in (("fazhi", site), ("原版", stock_site))}
        try:
            with sync_playwright() as pw:
                rows = []
                for name, server in servers.items():
                    for query, ms, sent, found in first_results(pw, server):
                        rows.append([name, query, f"{sent / 1024:.0f}", f"{ms:.0f}", str(found)])
                print("\n## 搜索：一次访问的第一个查询（nginx gzip，1.6 Mbps、150 ms）\n")
                print(table(rows, ["", "查询", "搜索文件 KB（gzip，含首块）", "从打开页面到结果 ms", "结果数"]))
                print("\n## 最大法规页在手机上（390 px，CPU 4 倍减速，同上网络，3 次中位数）\n")
                rows = []
                for name, server in servers.items():
                    figures = big_page(pw, server.url + (ours_fig if name == "fazhi" else stock_fig)["biggest"])
                    rows.append([name, f"{figures['lcp']:.0f}", f"{figures['dcl']:.0f}", f"{figures['usable']:.0f}"])
                print(table(rows, ["", "LCP ms(目标≤2500)", "DOMContentLoaded ms", "可用(load) ms(目标≤4000)"]))
        finally:
            for server in servers.values():
                server.stop()


if __name__ == "__main__":
    main()
