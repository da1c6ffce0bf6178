"""Linting the Markdown sources (encoding, front matter, numbering, links, articles)."""

from fazhi.check.runner import BUILD_CHECKS, Result, check_source, run

__all__ = ["BUILD_CHECKS", "Result", "check_source", "run"]
