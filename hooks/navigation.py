"""Orders the top-level navigation as configured in extra.fazhi.nav_order."""

from fazhi.site.nav import order_top_level


def on_nav(nav, config, files):
    order = ((config.extra or {}).get("fazhi") or {}).get("nav_order") or []
    return order_top_level(nav, [str(key) for key in order])
