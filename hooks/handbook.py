"""Wires the 普法宣传手册 into MkDocs: mounts handbook/ and arranges its navigation.

Law pages are rendered by the law extension, which hooks/pages.py sets up per page.
"""

from fazhi.site import handbook as site
from fazhi.site.glue import log, report


def on_config(config):
    config.watch.append(str(site.handbook_root(config)))
    return config


def on_files(files, config):
    book = site.load_book(config)
    report(book.diagnostics)
    return site.mount(files, config, book)


def on_nav(nav, config, files):
    return site.arrange_nav(nav, site.load_book(config))


def on_post_build(config):
    book = site.load_book(config)
    log.info(f"普法手册：{len(book.laws)}部法律法规，{book.article_total}条")
