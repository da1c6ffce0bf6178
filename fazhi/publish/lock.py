"""One publication (or pushed-commit check) at a time on a server: an flock on SITE_DIR/publish.lock.

The kernel releases the lock when the holder exits, even if it is killed, so a crashed
build never blocks the next push.
"""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


@contextmanager
def publication_lock(site: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the site's lock for the block; calls `on_wait` once if someone else holds it."""
    site.mkdir(parents=True, exist_ok=True)
    with open(site / "publish.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
