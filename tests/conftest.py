"""Shared fixtures: one real `mkdocs build --strict` of the repository per test session,
an HTTP server over it, and Debian's Chromium driven by Playwright.

Tests that need their own content build into temporary folders with `build_site`.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_dcf3ba4cc3ae4970.txt"
LAWS = SHARED / "laws"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def cjk(text: str) -> str:
    """Only the CJK ideographs of `text`, in order: what fidelity tests compare."""
    return "".join(CJK.findall(text))


def reading_order(body: str) -> str:
    """A law body as printed: a part's own `#` heading (婚姻家庭编), which the source puts
    between the code's title and its 题注, follows the 题注, as in the official print."""
    head, sep, rest = body.partition("<!-- INFO END -->")
    lines = head.split("\n")
    titles = [i for i, line in enumerate(lines) if line.startswith("# ")]
    if not sep or len(titles) < 2:
        return body
    parts = [lines[i] for i in titles[1:]]
    kept = [line for i, line in enumerate(lines) if i not in titles[1:]]
    return "\n".join(kept) + sep + "\n" + "\n".join(parts) + rest


def build_site(config_dir: Path, out_dir: Path, *, strict: bool = True, pdf: bool = False,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` for the mkdocs.yml in `config_dir`; returns the finished process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_dir / "mkdocs.yml"), "-d", str(out_dir)]
    if strict:
        cmd.append("--strict")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAZHI_PDF": "1" if pdf else "0", **(env or {})}
    return subprocess.run(cmd, cwd=config_dir, env=full_env, capture_output=True, text=True, timeout=900)


def copy_project(dest: Path, *, with_handbook: bool = True) -> Path:
    """A copy of the project's sources (config, docs, handbook, overrides) to build variants of."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "handbook", "overrides"):
        src = ROOT / name
        if not src.exists() or (name == "handbook" and not with_handbook):
            continue
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's site built once, strictly, with PDFs, as the README's build does."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out, pdf=True)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of an HTTP server on 127.0.0.1 serving the built site."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    pg = context.new_page()
    yield pg
    context.close()
