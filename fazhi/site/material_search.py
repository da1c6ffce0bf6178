"""Keep Material's search plugin for its search box, result list and index config, but stop
it from indexing pages.

Material's plugin parses every page and segments it with jieba (loading jieba's dictionary
for it), then writes docs that fazhi.search.index replaces: about a third of an HTML build,
thrown away. Its index object is swapped for one that records no pages, so the plugin writes
`search/search_index.json` with its config (language, separator for the page highlighter)
and no docs; the plugin's search step then fills in the docs (fazhi.search.index).
"""

from __future__ import annotations

from typing import Any

from material.plugins.search.plugin import SearchIndex

MATERIAL_SEARCH = "material/search"


class ConfigOnlyIndex(SearchIndex):
    """Material's search index with no pages: fazhi indexes them in its own search step."""

    def add_entry_from_context(self, page: Any) -> None:
        return None


def stop_material_indexing(plugins: Any) -> None:
    """Swap the index of Material's search plugin (after its on_config made it) for an empty one."""
    search = plugins.get(MATERIAL_SEARCH)
    if search is not None and getattr(search, "search_index", None) is not None:
        search.search_index = ConfigOnlyIndex(**search.search_index.config)
