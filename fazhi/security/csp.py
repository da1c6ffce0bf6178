"""The Content-Security-Policy for the published site, checked against a built site.

The site loads only its own files. Material for MkDocs puts three small scripts inline
in every page (scope and storage helpers, the colour palette, tab anchors); the policy
allows exactly those by their SHA-256 hashes instead of allowing any inline script,
so even a script that slipped past the build's sanitizer would not run.
Run `python -m fazhi.security.csp site/` after upgrading Material to print the hashes for
deploy/nginx.conf; tests/test_nginx.py fails while they are out of date.

The scope script names the site root, which the 404 page (served at any depth) writes as an
absolute path: "/" for a site of its own, "/zt/fzjs/" for a column of a portal. Its variants are
made from Material's own template, not from the built pages, so that a script which only looks
like it (one that slipped past the sanitizer) is never allowed at another root.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

#: `type` values whose <script> content the browser runs (others, e.g. application/json, are data).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
#: Material's scope script names the site root relative to the page ("..", "../.."), so its
#: hash depends on the page's depth; the policy allows it for every depth up to this one.
MAX_DEPTH = 5
#: Material's partial that writes the scope script into every page, and the Jinja expression
#: that names the root in it.
MATERIAL_SCOPE_PARTIAL = ("templates", "partials", "javascripts", "base.html")
_SCOPE_ROOT = re.compile(r'(__md_scope=new URL\()"\{\{[^}]*\}\}"')
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
#: Everything from the site itself; inline styles (table alignment, Material's own) are harmless
#: without scripts; data: images are Material's CSS icons; the search worker is a same-origin file.
DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
)


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._inside = False
        self._parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            values = dict(attrs)
            self._inside = "src" not in values and (values.get("type") or "").strip().lower() in SCRIPT_TYPES
            self._parts = []

    def handle_data(self, data):
        if self._inside:
            self._parts.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inside:
            self.scripts.append("".join(self._parts))
            self._inside = False


def inline_scripts(html: str) -> list[str]:
    """The text of every executable inline <script> in `html`."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site: Path) -> list[str]:
    """Sorted hashes of all inline scripts in the built site's pages."""
    return sorted({script_hash(s) for page in site.rglob("*.html")
                   for s in inline_scripts(page.read_text(encoding="utf-8"))})


def scope_script(root: str) -> str:
    """Material's scope script as a page whose site root is `root` carries it, from the installed
    Material's template."""
    spec = importlib.util.find_spec("material")
    partial = Path(spec.origin).parent.joinpath(*MATERIAL_SCOPE_PARTIAL) if spec and spec.origin else None
    found = _SCRIPT.search(partial.read_text(encoding="utf-8")) if partial and partial.is_file() else None
    if not found or len(_SCOPE_ROOT.findall(found.group(1))) != 1 or "{%" in found.group(1):
        raise RuntimeError(f"Material 的 {'/'.join(MATERIAL_SCOPE_PARTIAL)} 已改变，fazhi/security/csp.py 须随之更新")
    return _SCOPE_ROOT.sub(lambda m: f'{m.group(1)}"{root}"', found.group(1))


def scope_roots() -> list[str]:
    """The roots pages name: the 404 page's "/" of a site of its own, and the relative ones."""
    return ["/", "."] + ["/".join([".."] * depth) for depth in range(1, MAX_DEPTH + 1)]


def policy_hashes(site: Path) -> list[str]:
    """Hashes of the site's inline scripts plus the scope script at every root."""
    scripts = {s for page in site.rglob("*.html") for s in inline_scripts(page.read_text(encoding="utf-8"))}
    scripts.update(scope_script(root) for root in scope_roots())
    return sorted(script_hash(s) for s in scripts)


def policy(site: Path) -> str:
    """The Content-Security-Policy header value for the built site."""
    return "; ".join(DIRECTIVES).replace("{hashes}", " ".join(policy_hashes(site)))


def with_prefix(value: str, prefix: str) -> str:
    """A policy (header value) that also allows the 404 page's scope script under `prefix`."""
    extra = script_hash(scope_script(prefix))
    if extra in value:
        return value
    head, found, rest = value.partition("script-src 'self'")
    if not found:
        raise ValueError("Content-Security-Policy without script-src 'self'")
    return f"{head}{found} {extra}{rest}"


if __name__ == "__main__":
    print(policy(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
