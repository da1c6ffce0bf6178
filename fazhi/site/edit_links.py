"""Edit links (Material's content.action.edit) for pages whose source is outside docs/.

MkDocs gives no edit link to files a plugin mounts (File.generated): the handbook's law
pages live in handbook/, next to docs/. Their edit path is set relative to docs_dir
(../handbook/x.md), which the edit URL (repo_url + edit_uri + path) resolves to the
real file. Nothing changes while mkdocs.yml sets no repo_url/edit_uri.
"""

from __future__ import annotations

import os
from pathlib import Path


def edit_path(abs_src_path: str | None, docs_dir: str) -> str | None:
    """The source path relative to docs_dir, in URL form, for a file mounted from outside it."""
    if not abs_src_path:
        return None
    return Path(os.path.relpath(abs_src_path, docs_dir)).as_posix()


def link_mounted_sources(files, docs_dir: str) -> None:
    """Give mounted pages that have a real source file an edit path (generated content keeps none)."""
    for file in files.documentation_pages():
        if getattr(file, "generated_by", None) and file.abs_src_path and Path(file.abs_src_path).exists():
            file.edit_uri = edit_path(file.abs_src_path, docs_dir)
