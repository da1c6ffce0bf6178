"""Build-time benchmark: fazhi's HTML build against stock MkDocs + Material + jieba search.

Both sides build the same Markdown (the reports and every law) in one run on this machine:

* the project as it is (its hooks, numbering, handbook, checks, search), FAZHI_PDF=0;
* a plain docs tree with the same files, Material, `search: lang: zh` (jieba segments it).

Measured: cold build time and peak RSS at 1x, 3x and 10x content (more laws made by copying
the bundled ones under new names and titles), the time ratio per content ratio, the
`mkdocs serve`-style rebuild after editing one law (same process, config reloaded, as serve
does), and the handbook PDF build with a cold and a warm cache.

    .venv/bin/python bench/build_bench.py            # everything (several minutes)
    .venv/bin/python bench/build_bench.py --quick    # 1x and the rebuild only (CI)
    .venv/bin/python bench/build_bench.py --profile  # cProfile of one project build, top functions
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "handbook", "overrides")
STOCK_CONFIG = """site_name: 东辽县民政局 · 法治建设公开
theme:
  name: material
  language: zh
  font: false
markdown_extensions:
  - attr_list
  - tables
  - footnotes
  - pymdownx.superfences
  - toc:
      toc_depth: 2-4
plugins:
  - search:
      lang: zh
"""
EDITED_LAW = "binzang-guanli-tiaoli.md"


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float


def project_tree(dest: Path, scale: int) -> Path:
    """The project's sources, with the laws copied (scale - 1) more times under new names."""
    dest.mkdir(parents=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    multiply_laws(dest / "handbook", scale)
    return dest


def stock_tree(dest: Path, scale: int) -> Path:
    """The same Markdown in a plain MkDocs docs tree (reports and laws as ordinary pages)."""
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("assets"))
    shutil.copytree(ROOT / "handbook", docs / "handbook", ignore=shutil.ignore_patterns("*.yml"))
    multiply_laws(docs / "handbook", scale)
    (dest / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return dest


def multiply_laws(folder: Path, scale: int) -> None:
    """Copies 2..scale of every law, each with its own file name and title (so titles stay unique)."""
    laws = sorted(folder.glob("*.md"))
    for copy in range(2, scale + 1):
        for law in laws:
            text = law.read_text(encoding="utf-8")
            text = re.sub(r"^title: (.+)$", lambda m: f"title: {m.group(1)}（副本{copy}）", text, count=1, flags=re.M)
            text = re.sub(r"^# (.+)$", lambda m: f"# {m.group(1)}（副本{copy}）", text, count=1, flags=re.M)
            (folder / f"{law.stem}-fuben{copy}.md").write_text(text, encoding="utf-8")


def content_chars(tree: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in tree.rglob("*.md"))


def environment(pdf: bool = False) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAZHI_PDF": "1" if pdf else "0",
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1735689600")}


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Wall time and peak RSS of one child process (its own rusage, via wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"构建失败（{cwd}）：\n{stderr.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def build(tree: Path, out: Path, pdf: bool = False) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], tree, environment(pdf))


def rebuild(tree: Path, out: Path) -> float:
    """Seconds of a second in-process build after editing one law, as `mkdocs serve` does it."""
    result = subprocess.run([sys.executable, __file__, "--rebuild-worker", str(tree), str(out)],
                            cwd=tree, env=environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"重建失败（{tree}）：\n{result.stderr[-3000:]}")
    return float(result.stdout.strip().splitlines()[-1])


def rebuild_worker(tree: Path, out: Path) -> None:
    """Build once, edit one law, build again with a freshly loaded config; print the second time."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    def once() -> None:
        config = load_config(str(tree / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
        finally:
            config.plugins.on_shutdown()

    once()
    time.sleep(3)  # staff read the preview before the next save; serve uses the pause (jieba's dictionary)
    law = next(tree.rglob(EDITED_LAW))
    law.write_text(law.read_text(encoding="utf-8").replace("制定本条例。", "制定本条例。（修改）", 1), encoding="utf-8")
    start = time.perf_counter()
    once()
    print(f"{time.perf_counter() - start:.3f}")


def profile(tree: Path, out: Path, top: int = 30) -> str:
    """cProfile of one in-process project build: the functions with the most own time."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.update(environment())
    os.chdir(tree)
    profiler = cProfile.Profile()
    config = load_config(str(tree / "mkdocs.yml"), site_dir=str(out))
    profiler.enable()
    mkdocs_build(config)
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(top)
    return stream.getvalue()


def table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description="fazhi 与原版 MkDocs + Material + jieba 的构建时间对比")
    parser.add_argument("--quick", action="store_true", help="只测 1 倍内容和一次重建（CI 用）")
    parser.add_argument("--profile", action="store_true", help="对一次项目构建做 cProfile，列出耗时最多的函数")
    parser.add_argument("--rebuild-worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rebuild_worker:
        rebuild_worker(*args.rebuild_worker)
        return
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.profile:
            print(profile(project_tree(tmp / "profile", 1), tmp / "profile-site"))
            return
        scales = [1] if args.quick else [1, 3, 10]
        rows, base = [], {}
        # Untimed first builds: byte-compiling, jieba's dictionary cache and the disk cache would
        # otherwise be charged to whichever build runs first.
        build(project_tree(tmp / "warm-ours", 1), tmp / "warm-ours-site")
        build(stock_tree(tmp / "warm-stock", 1), tmp / "warm-stock-site")
        for scale in scales:
            ours_tree = project_tree(tmp / f"ours-{scale}", scale)
            stock = stock_tree(tmp / f"stock-{scale}", scale)
            ours = build(ours_tree, tmp / f"ours-{scale}-site")
            plain = build(stock, tmp / f"stock-{scale}-site")
            chars = content_chars(ours_tree / "handbook") + content_chars(ours_tree / "docs")
            base.setdefault("ours", ours.seconds)
            base.setdefault("stock", plain.seconds)
            base.setdefault("chars", chars)
            content_ratio = chars / base["chars"]
            rows.append([f"{scale}×", f"{chars / 1e6:.2f}", f"{ours.seconds:.1f}", f"{plain.seconds:.1f}",
                         f"{ours.seconds / plain.seconds:.2f}",
                         f"{ours.seconds / base['ours'] / content_ratio:.2f}",
                         f"{plain.seconds / base['stock'] / content_ratio:.2f}",
                         f"{ours.peak_rss_mb:.0f}", f"{plain.peak_rss_mb:.0f}"])
        print("## 构建（FAZHI_PDF=0，冷启动，子进程）\n")
        print(table(rows, ["内容", "百万字符", "fazhi 秒", "原版 秒", "倍数(目标≤1.3)",
                           "fazhi 时间/内容比", "原版 时间/内容比", "fazhi 峰值内存MB", "原版 峰值内存MB"]))
        ours_rebuild = rebuild(tmp / "ours-1", tmp / "ours-1-serve")
        stock_rebuild = rebuild(tmp / "stock-1", tmp / "stock-1-serve")
        print("\n## 修改一部法规后的重建（同一进程，如 mkdocs serve）\n")
        print(table([[f"{ours_rebuild:.1f}", f"{stock_rebuild:.1f}", f"{ours_rebuild / stock_rebuild:.2f}"]],
                    ["fazhi 秒", "原版 秒", "倍数(目标≤1.5)"]))
        if not args.quick:
            pdf_tree = project_tree(tmp / "pdf", 1)
            cold = build(pdf_tree, tmp / "pdf-site-1", pdf=True)
            warm = build(pdf_tree, tmp / "pdf-site-2", pdf=True)
            html_only = float(rows[0][2])
            print("\n## 含 PDF 的构建（报告、各法规、整本手册、小册子拼版）\n")
            print(table([[f"{cold.seconds:.1f}", f"{warm.seconds:.1f}", f"{cold.seconds - html_only:.1f}",
                          f"{max(warm.seconds - html_only, 0):.1f}", f"{cold.peak_rss_mb:.0f}"]],
                        ["冷缓存 秒", "热缓存 秒", "PDF 部分（冷）秒", "PDF 部分（热）秒", "峰值内存MB"]))


if __name__ == "__main__":
    main()
