"""Repeatable builds: the build date comes from the last commit, never from the clock.

MkDocs (sitemap dates) and the PDF writer read SOURCE_DATE_EPOCH; scripts/build.sh
sets it, and the fazhi plugin sets it for any other `mkdocs build` or `mkdocs serve` run in a
git checkout, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Sequence


def last_commit_epoch(directory: Path, paths: Sequence[Path] = ()) -> str | None:
    """Committer time of HEAD in `directory` (of the last commit touching `paths`, if given) as
    epoch seconds, or None outside git or for files never committed."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *map(str, paths)], cwd=directory,
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def ensure_source_date_epoch(directory: Path) -> str | None:
    """Set SOURCE_DATE_EPOCH from the last commit unless the caller already set it."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = last_commit_epoch(directory)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return os.environ.get("SOURCE_DATE_EPOCH")
