"""Wires fazhi's search index into MkDocs: pages are collected as built, the index written last."""

from pathlib import Path

from fazhi.search.dictionary import load_in_background
from fazhi.search.index import IndexBuilder
from fazhi.search.material import stop_material_indexing

_builder = IndexBuilder()
_dirty = False
_serving = False


def on_startup(command, dirty):
    global _dirty, _serving
    _dirty, _serving = dirty, command == "serve"


def on_config(config):
    stop_material_indexing(config.plugins)


def on_pre_build(config):
    """A full build starts afresh; `serve --dirty` rebuilds only changed pages, so keep the rest."""
    global _builder
    if not _dirty:
        _builder = IndexBuilder()


def on_page_content(html, page, config, files):
    _builder.add_page(page.url, page.title, html, page.meta)
    return html


def on_post_build(config):
    _builder.write(Path(config.site_dir), store=Path(config.config_file_path).parent / ".cache" / "search")
    if _serving:
        load_in_background()
