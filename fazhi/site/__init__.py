"""The site floor: everything that imports MkDocs, and nothing else does.

plugin.py is the `fazhi` MkDocs plugin (its options in config.py) and hands each MkDocs event to
the steps in steps/, in the one order it writes down; context.py is what the steps share. The
other modules are the MkDocs side of one concern each: mounting the handbook and its navigation,
the reports' navigation, 新旧对照 pages, git dates, edit links, staff pages, the site map, the
footer, the bounded sidebar and Material's search box.
"""
