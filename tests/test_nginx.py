"""deploy/nginx.conf in Debian's nginx on 127.0.0.1 over the built site: headers, gzip, cache,
404, and a real search in Chromium under the Content-Security-Policy."""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT
from fazhi.security.csp import site_script_hashes

NGINX = "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="Debian nginx is installed by scripts/setup.sh")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_config(deploy_conf: str, site: Path, port: int, tmp: Path) -> str:
    """A whole nginx.conf around the deployed server block: our port, our site, temp paths."""
    server = deploy_conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = re.sub(r"^\s*listen \[::\]:80;\n", "", server, flags=re.M)
    server = server.replace("root /srv/fazhi/current;", f"root {site};")
    temps = "\n".join(f"    {name}_temp_path {tmp / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 1;\npid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'};\n"
            "events { worker_connections 64; }\n"
            "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temps}\n{server}\n}}\n")


test_config.__test__ = False  # a helper, not a test


@contextmanager
def running_nginx(site: Path, tmp: Path) -> Iterator[str]:
    """Debian's nginx with deploy/nginx.conf serving `site` on a free port of 127.0.0.1; yields its URL."""
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(test_config((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"), site, port, tmp))
    check = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    with running_nginx(built_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def get(url: str, *, gzip_ok: bool = False):
    """(status, headers, body bytes decoded from gzip if sent so)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, headers, body


def one(site: Path, pattern: str) -> str:
    found = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
    assert found, pattern
    return found[0]


def test_pages_are_utf8_html_with_security_headers_and_short_cache(nginx_url):
    status, headers, body = get(nginx_url + "reports/2024/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "public, max-age=300"
    csp = headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'self';") and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "http:" not in csp and "https:" not in csp and "*" not in csp
    assert "法治政府建设" in body.decode("utf-8")
    assert "Server" not in headers or "nginx/" not in headers["Server"]


@pytest.mark.parametrize("pattern, mime", [
    ("reports/2024/index.html", "text/html"),
    ("assets/stylesheets/main.*.min.css", "text/css"),
    ("assets/javascripts/bundle.*.min.js", "application/javascript"),
    ("search/search_index.json", "application/json"),
])
def test_text_is_sent_gzipped(nginx_url, built_site, pattern, mime):
    path = one(built_site, pattern)
    status, headers, body = get(nginx_url + path, gzip_ok=True)
    assert status == 200
    assert headers["Content-Type"].startswith(mime)
    assert headers["Content-Encoding"] == "gzip"
    assert body == (built_site / path).read_bytes()


@pytest.mark.parametrize("pattern, long", [
    ("assets/javascripts/bundle.*.min.js", True),
    ("assets/stylesheets/main.*.min.css", True),
    ("assets/javascripts/workers/search.*.min.js", True),
    ("assets/fazhi.css", False),
    ("search/search_index.json", False),
    ("index.html", False),
])
def test_hashed_assets_are_cached_for_a_year_the_rest_briefly(nginx_url, built_site, pattern, long):
    _, headers, _ = get(nginx_url + one(built_site, pattern))
    expected = "public, max-age=31536000, immutable" if long else "public, max-age=300"
    assert headers["Cache-Control"] == expected


def test_missing_page_gets_the_sites_404_page(nginx_url):
    status, headers, body = get(nginx_url + "meiyou-zhege-yemian/")
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Security-Policy" in headers
    assert "404" in body.decode("utf-8") and "md-header" in body.decode("utf-8")


def test_dot_files_are_not_served(nginx_url, built_site):
    (built_site / ".secret").write_text("x")
    try:
        assert get(nginx_url + ".secret")[0] == 404
    finally:
        (built_site / ".secret").unlink()


def test_policy_allows_every_inline_script_of_the_built_site(nginx_url, built_site):
    csp = get(nginx_url)[1]["Content-Security-Policy"]
    missing = [h for h in site_script_hashes(built_site) if h not in csp]
    assert missing == [], "deploy/nginx.conf 的 Content-Security-Policy 已过期：运行 python -m fazhi.security.csp site/ 更新"


@pytest.mark.browser
def test_search_through_nginx_under_the_policy(nginx_url, page):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(str(e)))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(nginx_url + "reports/2024/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").focus()
    page.keyboard.type("法律顾问", delay=30)
    page.keyboard.press("End")  # an input method commits text without key events; Material searches on keyup
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert "法律顾问" in results.first.inner_text()
    assert page.evaluate("typeof __md_get") == "function"  # Material's inline script ran
    assert violations == []
