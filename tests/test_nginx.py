"""deploy/nginx.conf in Debian's nginx on loopback over the built site, as install-server.sh renders
it (fazhi/publish/nginx.py): HTTPS with a self-signed certificate made by openssl, port 80 sending
readers to HTTPS, HSTS and the other security headers, IPv6 where the machine has ::1, gzip, cache,
404, and a real search in Chromium under the Content-Security-Policy."""

from __future__ import annotations

import functools
import gzip
import http.client
import os
import re
import socket
import ssl
import subprocess
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT
from fazhi.publish.nginx import NginxSite, render
from fazhi.security.csp import site_script_hashes

NGINX = "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="Debian nginx is installed by scripts/setup.sh")


def ipv6_loopback() -> bool:
    """Whether this machine can listen on ::1 (containers and hosts without IPv6 cannot)."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


IPV6 = ipv6_loopback()
needs_ipv6 = pytest.mark.skipif(not IPV6, reason="this machine has no IPv6 loopback (::1)")


def free_port() -> int:
    """A port free on 127.0.0.1 (and on ::1 where there is one)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if not IPV6:
            return port
        try:
            with socket.socket(socket.AF_INET6) as s:
                s.bind(("::1", port))
            return port
        except OSError:
            continue


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for localhost, 127.0.0.1 and ::1, as the bureau's would be installed."""

    chain: Path
    key: Path

    @classmethod
    def make(cls, folder: Path) -> "Certificate":
        chain, key = folder / "fullchain.pem", folder / "privkey.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
                        "-keyout", str(key), "-out", str(chain)], check=True, capture_output=True)
        return cls(chain, key)

    def trusted(self) -> ssl.SSLContext:
        """A client that trusts this certificate only, and checks the address it names."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies the certificate and the host name
        context.load_verify_locations(cafile=str(self.chain))
        return context


def _swap_listen(conf: str, listen: str, replacement: str) -> str:
    """`conf` with its `listen …;` line replaced (dropped when `replacement` is empty)."""
    pattern = re.compile(rf"^(\s*)listen {re.escape(listen)};\n", re.M)
    assert pattern.search(conf), f"deploy/nginx.conf should listen on {listen}"
    return pattern.sub(lambda m: f"{m.group(1)}listen {replacement};\n" if replacement else "", conf)


def test_config(deploy_conf: str, site: Path, certificate: Certificate, http_port: int, https_port: int,
                tmp: Path, prefix: str = "/") -> str:
    """A whole nginx.conf around the deployed server blocks as install-server.sh renders them,
    listening on loopback ports instead of 80 and 443 (on ::1 too where the machine has it)."""
    server = render(deploy_conf, NginxSite(root=site, certificate=certificate.chain, key=certificate.key,
                                           acme=tmp / "acme", prefix=prefix))
    server = _swap_listen(server, "80", f"127.0.0.1:{http_port}")
    server = _swap_listen(server, "[::]:80", f"[::1]:{http_port}" if IPV6 else "")
    server = _swap_listen(server, "443 ssl http2", f"127.0.0.1:{https_port} ssl http2")
    server = _swap_listen(server, "[::]:443 ssl http2", f"[::1]:{https_port} ssl http2" if IPV6 else "")
    # The redirect names no port: readers come on 443. Here HTTPS listens elsewhere.
    assert "return 301 https://$host$request_uri;" in server
    server = server.replace("https://$host$request_uri", f"https://$host:{https_port}$request_uri")
    temps = "\n".join(f"    {name}_temp_path {tmp / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 1;\npid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'};\n"
            "events { worker_connections 64; }\n"
            "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temps}\n{server}\n}}\n")


test_config.__test__ = False  # a helper, not a test


@dataclass(frozen=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    tls_version: str | None = None


@dataclass(frozen=True)
class Nginx:
    """nginx on loopback: `url` is the site over HTTPS (with its prefix), `http_url` the plain port
    80 stand-in, `url6` and `http_url6` the same over IPv6."""

    url: str
    http_url: str
    url6: str
    http_url6: str
    certificate: Certificate
    #: nginx's prefix folder: the configuration, logs, and the ACME folder (acme/).
    folder: Path

    @functools.cached_property
    def tls(self) -> ssl.SSLContext:
        """One client context for every request (making one per request is slower than the request)."""
        return self.certificate.trusted()

    def get(self, url: str, *, gzip_ok: bool = False) -> Response:
        """One request, redirects not followed; the body decoded from gzip if sent so."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=10, context=self.tls)
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", target or "/", headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
            response = connection.getresponse()
            body = response.read()
            sock = connection.sock
            version = sock.version() if isinstance(sock, ssl.SSLSocket) else None
        finally:
            connection.close()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return Response(response.status, response.headers, body, version)


def _wait_for(proc: subprocess.Popen, port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
    raise AssertionError(f"nginx did not listen on 127.0.0.1:{port}")


@contextmanager
def running_nginx(site: Path, tmp: Path, prefix: str = "/") -> Iterator[Nginx]:
    """Debian's nginx with deploy/nginx.conf serving `site` over HTTPS on loopback ports, with a
    self-signed certificate made here; under `prefix` for a portal's column."""
    http_port, https_port = free_port(), free_port()
    certificate = Certificate.make(tmp)
    conf = tmp / "nginx.conf"
    conf.write_text(test_config((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"), site, certificate,
                                http_port, https_port, tmp, prefix))
    check = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(proc, https_port)
        yield Nginx(f"https://127.0.0.1:{https_port}{prefix}", f"http://127.0.0.1:{http_port}{prefix}",
                    f"https://[::1]:{https_port}{prefix}", f"http://[::1]:{http_port}{prefix}", certificate, tmp)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    with running_nginx(built_site, tmp_path_factory.mktemp("nginx")) as served:
        yield served


def one(site: Path, pattern: str) -> str:
    found = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
    assert found, pattern
    return found[0]


def test_pages_are_utf8_html_over_https_with_security_headers_and_short_cache(nginx):
    got = nginx.get(nginx.url + "reports/2024/")
    assert got.status == 200 and got.tls_version in ("TLSv1.2", "TLSv1.3")
    headers = got.headers
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "public, max-age=300"
    csp = headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'self';") and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "http:" not in csp and "https:" not in csp and "*" not in csp
    assert "法治政府建设" in got.body.decode("utf-8")
    assert "Server" not in headers or "nginx/" not in headers["Server"]


def test_plain_http_sends_readers_to_the_same_address_over_https(nginx):
    got = nginx.get(nginx.http_url + "handbook/?q=%E5%A9%9A%E5%A7%BB")
    assert got.status == 301
    assert got.headers["Location"] == nginx.url + "handbook/?q=%E5%A9%9A%E5%A7%BB"
    # HSTS over plain HTTP means nothing to a browser (and could be forged there): not sent.
    assert "Strict-Transport-Security" not in got.headers
    assert "法治" not in got.body.decode("utf-8", "replace")


def test_certificate_authority_checks_are_answered_on_port_80(nginx):
    acme = nginx.folder / "acme" / ".well-known" / "acme-challenge"
    acme.mkdir(parents=True, exist_ok=True)
    (acme / "token123").write_text("token123.thumbprint")
    got = nginx.get(nginx.http_url + ".well-known/acme-challenge/token123")
    assert got.status == 200 and got.body == b"token123.thumbprint"
    # The site itself is never served over plain HTTP, not even a missing challenge.
    assert nginx.get(nginx.http_url + ".well-known/acme-challenge/none").status == 404


def test_http2_and_modern_tls_are_offered(nginx):
    parts = urllib.parse.urlsplit(nginx.url)
    context = nginx.certificate.trusted()
    context.set_alpn_protocols(["h2", "http/1.1"])
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=parts.hostname) as tls:
            assert tls.selected_alpn_protocol() == "h2"
            assert tls.version() == "TLSv1.3"
    old = nginx.certificate.trusted()
    old.minimum_version = old.maximum_version = ssl.TLSVersion.TLSv1_2
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        with old.wrap_socket(raw, server_hostname=parts.hostname) as tls:
            assert tls.version() == "TLSv1.2" and tls.cipher()[0].startswith(("ECDHE-", "DHE-"))


def test_the_deployed_configuration_listens_on_ipv6():
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert re.search(r"^\s*listen \[::\]:80;$", conf, re.M)
    assert re.search(r"^\s*listen \[::\]:443 ssl http2;$", conf, re.M)


@needs_ipv6
def test_ipv6_readers_get_the_site_over_https_and_the_redirect(nginx):
    got = nginx.get(nginx.url6 + "reports/2024/")
    assert got.status == 200 and "法治政府建设" in got.body.decode("utf-8")
    assert got.headers["Strict-Transport-Security"] == "max-age=31536000"
    moved = nginx.get(nginx.http_url6 + "reports/2024/")
    assert moved.status == 301
    assert moved.headers["Location"] == nginx.url6 + "reports/2024/"


@pytest.mark.parametrize("pattern, mime", [
    ("reports/2024/index.html", "text/html"),
    ("assets/stylesheets/main.*.min.css", "text/css"),
    ("assets/javascripts/bundle.*.min.js", "application/javascript"),
    ("search/search_index.json", "application/json"),
])
def test_text_is_sent_gzipped(nginx, built_site, pattern, mime):
    path = one(built_site, pattern)
    got = nginx.get(nginx.url + path, gzip_ok=True)
    assert got.status == 200
    assert got.headers["Content-Type"].startswith(mime)
    assert got.headers["Content-Encoding"] == "gzip"
    assert got.body == (built_site / path).read_bytes()


@pytest.mark.parametrize("pattern, long", [
    ("assets/javascripts/bundle.*.min.js", True),
    ("assets/stylesheets/main.*.min.css", True),
    ("assets/javascripts/workers/search.*.min.js", True),
    ("assets/fazhi.css", False),
    ("search/search_index.json", False),
    ("index.html", False),
])
def test_hashed_assets_are_cached_for_a_year_the_rest_briefly(nginx, built_site, pattern, long):
    headers = nginx.get(nginx.url + one(built_site, pattern)).headers
    expected = "public, max-age=31536000, immutable" if long else "public, max-age=300"
    assert headers["Cache-Control"] == expected


def test_missing_page_gets_the_sites_404_page(nginx):
    got = nginx.get(nginx.url + "meiyou-zhege-yemian/")
    assert got.status == 404
    assert got.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Security-Policy" in got.headers and "Strict-Transport-Security" in got.headers
    assert "404" in got.body.decode("utf-8") and "md-header" in got.body.decode("utf-8")


def test_dot_files_are_not_served(nginx, built_site):
    (built_site / ".secret").write_text("x")
    try:
        assert nginx.get(nginx.url + ".secret").status == 404
    finally:
        (built_site / ".secret").unlink()


def test_policy_allows_every_inline_script_of_the_built_site(nginx, built_site):
    csp = nginx.get(nginx.url).headers["Content-Security-Policy"]
    missing = [h for h in site_script_hashes(built_site) if h not in csp]
    assert missing == [], "deploy/nginx.conf 的 Content-Security-Policy 已过期：运行 python -m fazhi.security.csp site/ 更新"


@pytest.mark.browser
def test_search_through_nginx_under_the_policy(nginx, browser):
    context = browser.new_context(locale="zh-CN", ignore_https_errors=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(str(e)))
    try:
        page.goto(nginx.http_url + "reports/2024/", wait_until="networkidle")
        assert page.url == nginx.url + "reports/2024/"  # came over HTTPS from the plain address
        assert page.evaluate("window.isSecureContext")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").focus()
        page.keyboard.type("法律顾问", delay=30)
        page.keyboard.press("End")  # an input method commits text without key events; Material searches on keyup
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15000)
        assert "法律顾问" in results.first.inner_text()
        assert page.evaluate("typeof __md_get") == "function"  # Material's inline script ran
        assert violations == []
    finally:
        context.close()
