"""Wires print into MkDocs: 打印/下载PDF links on report and law pages, PDFs after the build.

Last in hook order, so page.content already holds the 公文 head/signature and the law structure.
FAZHI_PDF=0 switches the PDFs (and their links) off. Under `mkdocs serve` the PDFs are
rendered in the background after each rebuild, so the preview reloads at once.
"""

from pathlib import Path

from fazhi.site import handbook as site
from fazhi.law.index_page import INDEX_SRC_URI
from fazhi.site.glue import log, site_settings
from fazhi.pdf import paths

_build = None
_serving = False
build = frontmatter_pages = None  # fazhi.pdf modules, imported by on_config only when PDFs are on


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _build, build, frontmatter_pages
    _build = None
    if paths.enabled():
        # Imported only when PDFs are on: WeasyPrint and fontTools cost ~0.5 s of start-up.
        from fazhi.pdf import build, fonts, frontmatter_pages, render

        build.serving = _serving
        settings = build.PdfSettings.from_site(site_settings(config), config.site_url)
        faces = fonts.configured_faces(settings.fonts)
        _build = build.PdfBuild(settings, render.Renderer(build.cache_dir(config.config_file_path), faces),
                                docs_dir=Path(config.docs_dir))
    return config


def on_files(files, config):
    if _build is not None:
        _build.book = site.load_book(config)
        _build.preface = frontmatter_pages.read_preface(site.handbook_root(config))
    return files


def on_page_content(html, page, config, files):
    if _build is None:
        return html
    src_uri = page.file.src_uri
    if _build.capture(html, src_uri, page.meta, page.title, page.url):
        return build.links_html(page.url, paths.pdf_path(src_uri)) + html
    if src_uri == INDEX_SRC_URI:
        extra = [("下载小册子拼版PDF", paths.HANDBOOK_BOOKLET_PDF)]
        return build.links_html(page.url, paths.HANDBOOK_PDF, extra) + html
    return html


def on_post_build(config):
    if _build is None:
        return
    pdf_build = _build

    def done(written):
        log.info(f"PDF：{len(written)}个文件，新生成{pdf_build.renderer.rendered}个、"
                 f"沿用缓存{pdf_build.renderer.reused}个，用时{sum(pdf_build.timings.values()):.1f}秒")

    if build.serving:
        build.write_in_background(pdf_build, Path(config.site_dir), done)
    else:
        done(pdf_build.write(Path(config.site_dir)))
