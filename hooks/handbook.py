"""Wires the 普法宣传手册 into MkDocs: mounts handbook/, renders and checks law pages."""

from fazhi.law import continuity
from fazhi.site import handbook as site
from fazhi.law.extension import LawExtension, PageSettings
from fazhi.law.handbook import load_handbook
from fazhi.site.glue import front_matter_lines, log, report
from fazhi.settings import Settings

_ext = LawExtension()
_settings = Settings()
_book = None
_targets = {}


def on_config(config):
    global _settings
    _settings = Settings.from_extra(config.extra)
    if _ext not in config.markdown_extensions:
        config.markdown_extensions.append(_ext)
    config.watch.append(str(site.handbook_root(config)))
    return config


def on_files(files, config):
    global _book, _targets
    _book = load_handbook(site.handbook_root(config))
    report(_book.diagnostics)
    _targets = site.link_targets(_book)
    _ext.link_counts.update(own=0, law=0)
    return site.mount(files, config, _book)


def on_nav(nav, config, files):
    return site.arrange_nav(nav, _book)


def on_page_markdown(markdown, page, config, files):
    active = _settings.scheme_for(page.file.src_uri, page.meta) == "law"
    path = site.source_path(page.file, config)
    if active:
        report(continuity.check_articles(page.file.content_string, path))
    versions = site.versions(_book, page.file.src_uri)
    _ext.begin_document(PageSettings(active, path, front_matter_lines(page, markdown), page.meta, _targets, versions))
    return markdown


def on_page_content(html, page, config, files):
    report(_ext.diagnostics.drain())
    return html


def on_post_build(config):
    counts = _ext.link_counts
    log.info(f"普法手册：{len(_book.laws)}部法律法规，{_book.article_total}条；"
             f"生成条文链接{counts['own']}个、法规间链接{counts['law']}个")
