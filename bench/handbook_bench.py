"""Handbook figures for the closing note: articles, cross-links, build time with and without it.

Builds copies of the project with `mkdocs build --strict` (PDFs off, FAZHI_PDF=0), once
with handbook/ and once with an empty handbook/, `--runs` times each (alternating), and
prints the median wall time; then counts from the built HTML the article anchors and the links
generated (within a law, and between laws).

    .venv/bin/python bench/handbook_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import build_site, copy_project  # noqa: E402


def timed_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    result = build_site(project, out, pdf=False)
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stderr}")
    return time.perf_counter() - start


def counts(site: Path) -> dict[str, int]:
    found = {"laws": 0, "articles": 0, "links within a law": 0, "links between laws": 0}
    for page in sorted((site / "handbook").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        found["laws"] += 1
        found["articles"] += len(soup.select("div.fz-article"))
        links = soup.select("a.fz-xref")
        between = [a for a in links if "fz-xref-law" in a.get("class", [])]
        found["links between laws"] += len(between)
        found["links within a law"] += len(links) - len(between)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full = copy_project(tmp / "with")
        bare = copy_project(tmp / "without", with_handbook=False)
        (bare / "handbook").mkdir()
        with_times, without_times = [], []
        timed_build(full, tmp / "site-with")  # warm caches (jieba, fonts) before timing
        for _ in range(args.runs):  # alternate, so load from other jobs hits both alike
            with_times.append(timed_build(full, tmp / "site-with"))
            without_times.append(timed_build(bare, tmp / "site-without"))
        for name, value in counts(tmp / "site-with").items():
            print(f"{name}: {value}")
    print(f"build with handbook (FAZHI_PDF=0, median of {args.runs}): {statistics.median(with_times):.2f} s")
    print(f"build without handbook (FAZHI_PDF=0, median of {args.runs}): {statistics.median(without_times):.2f} s")


if __name__ == "__main__":
    main()
