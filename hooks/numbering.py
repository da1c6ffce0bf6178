"""Wires fazhi's heading numbering into MkDocs: one extension instance, set up per page."""

from fazhi.site.glue import front_matter_lines, report
from fazhi.report.extension import NumberingExtension
from fazhi.settings import Settings

_ext = NumberingExtension()
_settings = Settings()


def on_config(config):
    global _settings
    _settings = Settings.from_extra(config.extra)
    if _ext not in config.markdown_extensions:
        config.markdown_extensions.append(_ext)
    return config


def on_page_markdown(markdown, page, config, files):
    scheme = _settings.scheme_for(page.file.src_uri, page.meta)
    _ext.begin_document(scheme, page.file.src_path, front_matter_lines(page, markdown))
    return markdown


def on_page_content(html, page, config, files):
    report(_ext.diagnostics.drain())
    return html
