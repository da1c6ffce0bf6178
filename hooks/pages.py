"""Wires fazhi's Markdown extensions (heading numbers, law structure) into MkDocs, set up per page."""

from fazhi.law import continuity
from fazhi.pages import LAW_SCHEME, PageExtensions, PageSource
from fazhi.site import handbook as site
from fazhi.site.glue import front_matter_lines, log, report, site_settings

pages = PageExtensions()
#: src_uri of a law page → the other versions of that law, found once per build (not per page).
_versions: dict = {}


def on_config(config):
    pages.settings = site_settings(config)
    for ext in pages.extensions:
        if ext not in config.markdown_extensions:
            config.markdown_extensions.append(ext)
    return config


def on_files(files, config):
    book = site.load_book(config)
    pages.law_targets = site.link_targets(book)
    _versions.clear()
    _versions.update({law.src_uri: site.versions(book, law.src_uri) for law in book.laws})
    pages.law.link_counts.update(own=0, law=0)
    return files


def on_page_markdown(markdown, page, config, files):
    path = site.source_path(page.file, config)
    versions = _versions.get(page.file.src_uri, ())
    scheme = pages.begin(PageSource(path, page.file.src_uri, page.meta, front_matter_lines(page, markdown), versions))
    if scheme == LAW_SCHEME:
        report(continuity.check_articles(page.file.content_string, path))
    return markdown


def on_page_content(html, page, config, files):
    report(pages.drain())
    return html


def on_post_build(config):
    counts = pages.law.link_counts
    log.info(f"普法手册：生成条文链接{counts['own']}个、法规间链接{counts['law']}个")
