"""Runs the file-level checks of `fazhi check` during `mkdocs build` (errors fail --strict).

Heading numbers, law structure, raw HTML and links are reported by their own extensions
and by MkDocs during the build, so only the file-level checks run here.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from fazhi.check import BUILD_CHECKS
from fazhi.check.source import load
from fazhi.mkdocs_glue import report


def on_files(files, config):
    not_utf8 = []
    for f in files.documentation_pages():
        if f.abs_src_path:
            source = load(Path(f.abs_src_path), f.src_path, f.src_uri)
            report([d for check in BUILD_CHECKS for d in check(source)])
            if source.decoded.encoding != "utf-8":
                not_utf8.append(f.src_path)
    if not_utf8:
        raise PluginError(f"{'、'.join(not_utf8)} 不是 UTF-8 编码，无法构建；请先运行 fazhi check --fix")
    return files
