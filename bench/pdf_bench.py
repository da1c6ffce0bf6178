"""PDF rendering speed: pages per second for the whole handbook, cold and from the cache.

Copies the project to a temporary folder (so its .cache/pdf starts empty), runs
`mkdocs build` twice with PDFs on, and prints per-PDF page counts and times.

    .venv/bin/python bench/pdf_bench.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("mkdocs.yml", "docs", "hooks", "handbook", "overrides")


def copy_project(dest: Path) -> None:
    for name in SOURCES:
        src = ROOT / name
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)


def run(project: Path, out: Path) -> tuple[float, dict[str, float], tuple[int, int]]:
    """One build; returns wall time, the PDF hook's per-file times and (rendered, reused)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out))
    start = time.perf_counter()
    build(config)
    wall = time.perf_counter() - start
    hook = next(p for name, p in config.plugins.items() if name.endswith("pdf.py"))
    pdf_build = hook._build
    return wall, dict(pdf_build.timings), (pdf_build.renderer.rendered, pdf_build.renderer.reused)


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def main() -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["FAZHI_PDF"] = "1"
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-bench-") as tmp:
        project, out = Path(tmp) / "project", Path(tmp) / "site"
        project.mkdir()
        copy_project(project)
        sys.path.insert(0, str(ROOT))
        results = [run(project, out) for _ in ("cold", "warm")]
        site_pdf = out / "pdf"
        book_pages = pages(site_pdf / "handbook.pdf")
        print(f"{'PDF':42} {'pages':>6} {'cold s':>8} {'warm s':>8}")
        for name in sorted(results[0][1]):
            count = pages(out / name)
            print(f"{name:42} {count:6d} {results[0][1][name]:8.2f} {results[1][1][name]:8.3f}")
        for label, (wall, timings, (rendered, reused)) in zip(("cold", "warm"), results):
            book_s = timings["pdf/handbook.pdf"]
            print(f"{label}: whole build {wall:.1f} s, PDFs {sum(timings.values()):.1f} s "
                  f"(made {rendered}, from cache {reused}); handbook {book_pages} pages in {book_s:.3f} s "
                  f"= {book_pages / book_s:.0f} pages/s")
        print(f"booklet: {pages(site_pdf / 'handbook-booklet.pdf')} sheet faces "
              f"({pages(site_pdf / 'handbook-booklet.pdf') // 2} A4 sheets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
