"""Orders the top-level navigation as configured in extra.fazhi.nav_order."""

from fazhi.site.glue import site_settings
from fazhi.site.nav import order_top_level


def on_nav(nav, config, files):
    return order_top_level(nav, list(site_settings(config).nav_order))
