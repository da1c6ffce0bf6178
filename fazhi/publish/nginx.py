"""deploy/nginx.conf with one server's paths filled in: what install-server.sh installs.

The file in deploy/ is a working configuration for the default paths, so the bureau's IT person
can read it as it will run. This module only swaps the lines that differ between servers (the
site folder, the certificate and key, the server's name) and refuses a certificate that is not
there: nginx would otherwise stop at its next reload and take the site down with it.

A site built as a column of the county portal (every address under a prefix such as /zt/fzjs/)
is served under that prefix: the site's folder is the prefix's `alias`, the 404 page is the
column's, the bare host sends readers to the column, and the policy allows the scope script that
the 404 page names the prefix in.

    python -m fazhi.publish.nginx --root /srv/fazhi/current --cert … --key … [--server-name …] [--prefix …]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from fazhi.addresses import site_prefix
from fazhi.project import ProjectFile
from fazhi.security.csp import with_prefix

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
DEFAULT_ROOT = Path("/srv/fazhi/current")
DEFAULT_CERTIFICATE = Path("/etc/ssl/fazhi/fullchain.pem")
DEFAULT_KEY = Path("/etc/ssl/fazhi/privkey.pem")
DEFAULT_ACME = Path("/srv/fazhi/acme")
#: A server_name value nginx takes as it is: host names, wildcards, several separated by spaces.
_SERVER_NAMES = re.compile(r"^[A-Za-z0-9.*_\-]+( [A-Za-z0-9.*_\-]+)*$")
#: A path prefix nginx and a browser read alike: /segment/segment/, unreserved characters only.
_PREFIX = re.compile(r"^/((?!\.\.?/)[A-Za-z0-9._~\-]+/)*$")
_SITE_LOCATION = "location / {\n        try_files $uri $uri/ =404;\n    }"
_CSP = re.compile(r'(add_header Content-Security-Policy ")([^"]*)(" always;)')


class NginxConfigError(ValueError):
    """A setting that would give nginx a configuration it refuses; the message is for the IT person."""


@dataclass(frozen=True)
class NginxSite:
    """What differs from one server to the next."""

    root: Path = DEFAULT_ROOT
    certificate: Path = DEFAULT_CERTIFICATE
    key: Path = DEFAULT_KEY
    server_name: str = "_"
    acme: Path = DEFAULT_ACME
    #: The site's path on its host: "/" for a site of its own, "/zt/fzjs/" for a portal's column.
    prefix: str = "/"


def _path(value: Path) -> str:
    text = str(value)
    if not value.is_absolute() or re.search(r"[\s;'\"{}$]", text):
        raise NginxConfigError(f"路径 {text} 须为绝对路径，且不含空格、分号、引号、花括号或 $")
    return text


def _swap(text: str, old: str, new: str) -> str:
    """`text` with each line `old` (indented, as the template writes it) made `new`."""
    pattern = re.compile(rf"^(\s*){re.escape(old)}$", re.M)
    if not pattern.search(text):
        raise NginxConfigError(f"deploy/nginx.conf 中找不到 “{old}” 这一行：模板已被改动，请按原样恢复这一行")
    return pattern.sub(lambda m: m.group(1) + new, text)


def render(template: str, site: NginxSite) -> str:
    """The template with this server's paths and name."""
    if not _SERVER_NAMES.match(site.server_name):
        raise NginxConfigError(f"网站域名 {site.server_name!r} 无效：写域名（如 mzj.example.gov.cn），多个用空格分开")
    text = _swap(template, f"root {DEFAULT_ROOT};", f"root {_path(site.root)};")
    text = _swap(text, f"root {DEFAULT_ACME};", f"root {_path(site.acme)};")
    text = _swap(text, f"ssl_certificate {DEFAULT_CERTIFICATE};", f"ssl_certificate {_path(site.certificate)};")
    text = _swap(text, f"ssl_certificate_key {DEFAULT_KEY};", f"ssl_certificate_key {_path(site.key)};")
    text = _swap(text, "server_name _;", f"server_name {site.server_name};")
    return _under_prefix(text, site) if site.prefix != "/" else text


def _under_prefix(text: str, site: NginxSite) -> str:
    """The HTTPS server serving the site under `site.prefix` and nothing else of the host."""
    prefix = site.prefix
    if not _PREFIX.match(prefix):
        raise NginxConfigError(f"网站路径 {prefix!r} 无效：写成 /zt/fzjs/ 的样子（以 / 开头和结尾，只用字母、数字和 - _ . ~）")
    if _SITE_LOCATION not in text:
        raise NginxConfigError(f"deploy/nginx.conf 中找不到 “{_SITE_LOCATION.splitlines()[0]}” 一段：模板已被改动")
    text = _swap(text, "error_page 404 /404.html;", f"error_page 404 {prefix}404.html;")
    column = (f"location = / {{\n        return 302 {prefix};\n    }}\n\n"
              f"    location {prefix} {{\n        alias {_path(site.root)}/;\n        try_files $uri $uri/ =404;\n    }}\n\n"
              "    # The rest of the host is the portal's, not this site's.\n"
              "    location / {\n        return 404;\n    }")
    text = text.replace(_SITE_LOCATION, column)
    return _CSP.sub(lambda m: m.group(1) + with_prefix(m.group(2), prefix) + m.group(3), text)


def missing_files(site: NginxSite) -> list[str]:
    """Messages for a certificate or key that nginx could not read."""
    named = (("证书", site.certificate), ("私钥", site.key))
    return [f"找不到{what}文件 {path}" for what, path in named if not path.is_file()]


def _arguments(argv: list[str] | None) -> NginxSite:
    parser = argparse.ArgumentParser(prog="python -m fazhi.publish.nginx",
                                     description="按本服务器的路径输出 deploy/nginx.conf")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="nginx 提供的网站目录（SITE_DIR/current）")
    parser.add_argument("--cert", type=Path, default=DEFAULT_CERTIFICATE, help="证书文件（含中间证书）")
    parser.add_argument("--key", type=Path, default=DEFAULT_KEY, help="私钥文件")
    parser.add_argument("--server-name", default="_", help="网站域名，多个用空格分开（默认 _：任何域名）")
    parser.add_argument("--acme", type=Path, default=DEFAULT_ACME, help="证书机构 HTTP 验证文件的目录")
    parser.add_argument("--prefix", help="网站在域名下的路径（门户专栏，如 /zt/fzjs/）；默认取 --project 的 site_url")
    parser.add_argument("--project", type=Path, help="网站项目的目录（其中 mkdocs.yml 的 site_url 给出路径）")
    args = parser.parse_args(argv)
    prefix = args.prefix or site_prefix(project_site_url(args.project) if args.project else "")
    return NginxSite(args.root, args.cert, args.key, args.server_name, args.acme, prefix)


def project_site_url(project: Path) -> str:
    """mkdocs.yml's site_url in `project` ("" when it has none)."""
    return str(ProjectFile.read(project).data.get("site_url") or "")


def main(argv: list[str] | None = None) -> int:
    site = _arguments(argv)
    problems = missing_files(site)
    if problems:
        for problem in problems:
            print(f"nginx 配置：{problem}（用 --cert、--key 指定，见 deploy/README.md “证书”）", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(render(TEMPLATE.read_text(encoding="utf-8"), site))
    except NginxConfigError as error:
        print(f"nginx 配置：{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
