"""Wires the raw-HTML allow-list and link checks (fazhi.security.sanitize) into MkDocs, and pins
the build date to the last commit (fazhi.site.repeatable) so builds are byte-for-byte repeatable.

What is cut from a page is reported as an error, so `mkdocs build --strict` fails on it.
"""

from pathlib import Path

from fazhi.site.glue import front_matter_lines, report
from fazhi.site.repeatable import ensure_source_date_epoch
from fazhi.security.sanitize import SanitizeExtension

_ext = SanitizeExtension()


def on_config(config):
    ensure_source_date_epoch(Path(config.config_file_path).parent)
    if _ext not in config.markdown_extensions:
        config.markdown_extensions.append(_ext)
    return config


def on_page_markdown(markdown, page, config, files):
    _ext.begin_document(page.file.src_path, front_matter_lines(page, markdown))
    return markdown


def on_page_content(html, page, config, files):
    report(_ext.diagnostics.drain())
    return html
