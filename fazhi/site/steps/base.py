"""What a step of the build is: one concern, its state on the object, its MkDocs events as methods.

The plugin (fazhi.site.plugin) calls each event on every step that has it, in the order of
`STEPS`; a method takes the arguments of the MkDocs event of its name, without keywords, and
returns what the event returns (the config, files, nav, page markdown or HTML, context, env)
for the next step to take in turn. `on_post_build` returns nothing.
"""

from __future__ import annotations

from fazhi.site.context import SiteBuild


class Step:
    """One concern of the build, sharing the build's context."""

    def __init__(self, build: SiteBuild) -> None:
        self.build = build
