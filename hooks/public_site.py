"""What the public site shows around the content: staff pages (编辑指南) left out of published
builds, the generated 网站地图 page, and the legal footer's fields from extra.fazhi.footer."""

from fazhi.site.footer import footer_rows
from fazhi.site.glue import site_settings
from fazhi.site.site_map import add_page, is_site_map, site_map_html
from fazhi.site.staff_pages import drop_staff_pages, note_command


def on_startup(command, dirty):
    note_command(command)


def on_files(files, config):
    settings = site_settings(config)
    return add_page(drop_staff_pages(files, settings.staff_pages, settings.publish_staff_pages), config)


def on_env(env, config, files):
    env.globals["fazhi_footer"] = footer_rows(site_settings(config).footer)
    return env


def on_page_context(context, page, config, nav):
    if is_site_map(page):
        page.content = (page.content or "") + site_map_html(nav, page)
    return context
