"""The package's floors hold: the engine imports no MkDocs, and no import runs up a floor.

The import graph is read from the source (every `import` and `from … import`, also those inside
functions), so a lazy import cannot hide a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "fazhi"
#: The floors, lowest first; a module may import from its own floor and the floors below it.
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("fazhi", "fazhi.text", "fazhi.contract", "fazhi.diagnostics", "fazhi.addresses", "fazhi.settings",
              "fazhi.project", "fazhi.page_source", "fazhi.repeatable")),
    ("domain", ("fazhi.law", "fazhi.report", "fazhi.search", "fazhi.security", "fazhi.importer", "fazhi.compare",
                "fazhi.pdf", "fazhi.pages", "fazhi.feedback", "fazhi.portal", "fazhi.wenda")),
    ("services", ("fazhi.check", "fazhi.publish")),
    ("site", ("fazhi.site",)),
    ("entry", ("fazhi.cli", "fazhi.__main__")),
]
#: What only the site floor (and the entry points above it) may import: MkDocs and its world.
MKDOCS_WORLD = ("mkdocs", "material", "properdocs", "mkdocs_git_revision_date_localized_plugin")
SITE = "site"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, absolute names (fazhi's own relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from fazhi import site`
    return found


def floor_of(module: str) -> int | None:
    """The floor of a fazhi module (the longest prefix that names one), None for other packages."""
    best: tuple[int, int] | None = None
    for index, (_, prefixes) in enumerate(FLOORS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[1]:
                    best = (index, len(prefix))
    return None if best is None else best[0]


def violations(module: str, imported: set[str]) -> list[str]:
    """What `module` imports that its floor may not."""
    floor = floor_of(module)
    assert floor is not None, f"{module} is on no floor: add it to FLOORS"
    site = [name for name, _ in FLOORS].index(SITE)
    found = []
    for name in sorted(imported):
        if name.split(".")[0] in MKDOCS_WORLD and floor < site:
            found.append(f"{module} imports {name}: only fazhi.site may import MkDocs")
        target = floor_of(name) if name.startswith("fazhi") else None
        if target is not None and target > floor:
            found.append(f"{module} ({FLOORS[floor][0]}) imports {name} ({FLOORS[target][0]}): up a floor")
    return found


def test_no_import_runs_up_a_floor_and_only_the_site_imports_mkdocs():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100
    found = [line for path in modules for line in violations(module_name(path), imports(path))]
    assert found == []


@pytest.mark.parametrize("module, imported, words", [
    ("fazhi.law.meta", {"mkdocs.utils"}, "only fazhi.site may import MkDocs"),
    ("fazhi.pdf.render", {"fazhi.site.repeatable"}, "up a floor"),
    ("fazhi.settings", {"fazhi.site.footer"}, "up a floor"),
    ("fazhi.text.ids", {"fazhi.law"}, "up a floor"),
    ("fazhi.check.render", {"fazhi.site"}, "up a floor"),
])
def test_the_rule_catches_the_arrows_that_used_to_run_up(module, imported, words):
    """The six upward arrows of issue R, each caught by the rule (so the test above can fail)."""
    assert any(words in line for line in violations(module, imported))


def test_the_site_and_entry_floors_may_use_what_lies_below():
    assert violations("fazhi.site.plugin", {"mkdocs.plugins", "fazhi.law.handbook", "fazhi.check"}) == []
    assert violations("fazhi.cli", {"fazhi.site.config", "fazhi.publish"}) == []
    assert violations("fazhi.compare.diff", {"fazhi.text.segment", "fazhi.law.structure"}) == []
