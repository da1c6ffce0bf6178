"""Wires 新旧对照 into MkDocs: a comparison page per pair of law versions, links on both law
pages, and (unless FAZHI_PDF=0) an A4 landscape PDF of each 对照表."""

import threading
from pathlib import Path

from fazhi.compare.comparison import compare_versions
from fazhi.compare.html import body_html
from fazhi.compare.pairs import handbook_pairs
from fazhi.law.meta import COMPARISONS
from fazhi.pdf import paths
from fazhi.site import compare as site
from fazhi.site.glue import log, site_settings
from fazhi.site.handbook import load_book

_pairs = []
_made = {}  # src_uri of a comparison page → its Comparison, for the PDFs


def on_files(files, config):
    global _pairs
    _pairs = handbook_pairs(load_book(config))
    _made.clear()
    return site.mount(files, config, _pairs)


def on_page_markdown(markdown, page, config, files):
    stem = Path(page.file.src_uri).stem
    if page.file.src_uri == f"handbook/{stem}.md":
        links = site.law_links(_pairs, stem, page.file.src_uri)
        if links:
            page.meta[COMPARISONS] = links
    return markdown


def on_page_content(html, page, config, files):
    pair = next((p for p in _pairs if p.src_uri == page.file.src_uri), None)
    if pair is None:
        return html
    comparison = compare_versions(pair.old, pair.new)
    _made[pair.src_uri] = comparison
    pdf_bar = ""
    if paths.enabled():
        from fazhi.pdf.build import links_html

        pdf_bar = links_html(page.url, paths.pdf_path(pair.src_uri))
    return html + pdf_bar + body_html(comparison, site.article_link(pair, page.url))


def on_post_build(config):
    if not paths.enabled() or not _made:
        return
    from fazhi.compare.pdf import write_pdfs
    from fazhi.pdf import build

    jobs = [(c, Path(config.site_dir) / paths.pdf_path(uri)) for uri, c in sorted(_made.items())]
    bureau = site_settings(config).bureau

    def run():
        with build.render_lock():
            rendered, reused = write_pdfs(jobs, build.cache_dir(config.config_file_path), bureau)
        log.info(f"新旧对照：{len(jobs)}个对照表PDF，新生成{rendered}个、沿用缓存{reused}个")

    if build.serving:  # like the other PDFs under `mkdocs serve`: after the page has reloaded
        threading.Thread(target=run, name="fazhi-duizhao-pdf", daemon=True).start()
    else:
        run()
