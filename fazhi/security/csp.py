"""The Content-Security-Policy for the published site, checked against a built site.

The site loads only its own files. Material for MkDocs puts three small scripts inline
in every page (scope and storage helpers, the colour palette, tab anchors); the policy
allows exactly those by their SHA-256 hashes instead of allowing any inline script,
so even a script that slipped past the build's sanitizer would not run.
Run `python -m fazhi.security.csp site/` after upgrading Material to print the hashes for
deploy/nginx.conf; tests/test_nginx.py fails while they are out of date.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

#: `type` values whose <script> content the browser runs (others, e.g. application/json, are data).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
#: Material's scope script names the site root relative to the page ("..", "../.."), so its
#: hash depends on the page's depth; the policy allows it for every depth up to this one.
MAX_DEPTH = 5
_SCOPE = re.compile(r'(__md_scope=new URL\()"[^"]*"')
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


def policy_hashes(site: Path) -> list[str]:
    """Hashes of the site's inline scripts plus the scope script at every page depth."""
    scripts = {s for page in site.rglob("*.html") for s in inline_scripts(page.read_text(encoding="utf-8"))}
    for script in [s for s in scripts if _SCOPE.search(s)]:
        roots = ["/", "."] + ["/".join([".."] * depth) for depth in range(1, MAX_DEPTH + 1)]
        scripts.update(_SCOPE.sub(lambda m, r=root: f'{m.group(1)}"{r}"', script) for root in roots)
    return sorted(script_hash(s) for s in scripts)


def policy(site: Path) -> str:
    """The Content-Security-Policy header value for the built site."""
    return "; ".join(DIRECTIVES).replace("{hashes}", " ".join(policy_hashes(site)))


if __name__ == "__main__":
    print(policy(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
