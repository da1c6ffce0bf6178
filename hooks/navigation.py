"""Orders the top-level navigation as configured in extra.fazhi.nav_order; bounds the handbook sidebar of each page (fazhi.site.sidebar)."""

from fazhi.site.glue import site_settings
from fazhi.site.nav import order_top_level
from fazhi.site.sidebar import bounded_nav


def on_nav(nav, config, files):
    return order_top_level(nav, list(site_settings(config).nav_order))


def on_page_context(context, page, config, nav):
    context["nav"] = bounded_nav(nav, page)
    return context
