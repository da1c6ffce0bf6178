"""The releases under SITE_DIR and the `current` link that nginx serves.

A release is a folder renamed into releases/ only once it is complete, and `current` is
switched by renaming a new symlink over the old one (rename(2) is atomic): a reader gets
the old site or the new one, never a folder being written or a mix.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

DEFAULT_SITE = Path("/srv/fazhi")
#: Release metadata inside the release folder; nginx serves no dot-files (deploy/nginx.conf).
META = ".fazhi-release.json"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # ISO 8601, the committer's
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Release:
    name: str
    path: Path
    commit: Commit
    published: str  # ISO 8601, when it became a release


def releases_dir(site: Path) -> Path:
    return site / "releases"


def current_link(site: Path) -> Path:
    return site / "current"


def list_releases(site: Path) -> list[Release]:
    """Every complete release, newest first (names start with the publication time)."""
    folder = releases_dir(site)
    found = [_read(p) for p in folder.iterdir() if (p / META).is_file()] if folder.is_dir() else []
    return sorted(found, key=lambda r: r.name, reverse=True)


def live(site: Path) -> Release | None:
    """The release `current` points at, if any."""
    link = current_link(site)
    if not link.is_symlink():
        return None
    target = (link.parent / os.readlink(link)).resolve()
    return _read(target) if (target / META).is_file() else None


def find(site: Path, name: str) -> Release | None:
    """A release by its folder name, or by a unique start of it or of its commit hash."""
    matches = [r for r in list_releases(site) if r.name == name]
    matches = matches or [r for r in list_releases(site) if r.name.startswith(name) or r.commit.sha.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def install(site: Path, built: Path, commit: Commit, now: datetime | None = None) -> Release:
    """Turn a finished build folder into a release (a rename: same file system)."""
    now = now or datetime.now().astimezone()
    name = f"{now:%Y%m%d-%H%M%S}-{commit.short}"
    target = releases_dir(site) / name
    for n in range(2, 100):  # the same commit published twice within a second
        if not target.exists():
            break
        target = releases_dir(site) / f"{name}-{n}"
    release = Release(target.name, target, commit, now.isoformat(timespec="seconds"))
    (built / META).write_text(json.dumps({"commit": asdict(commit), "published": release.published},
                                         ensure_ascii=False, indent=1), encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    built.rename(target)
    return release


def switch(site: Path, release: Release) -> None:
    """Point `current` at `release` in one rename, so nginx never sees no site or half a site."""
    link = current_link(site)
    temporary = site / f".current-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(Path(releases_dir(site).name) / release.name)  # relative: SITE_DIR may move
    os.replace(temporary, link)


def prune(site: Path, keep: int) -> list[str]:
    """Remove all but the `keep` newest releases, never the live one; returns the names removed."""
    current = live(site)
    removed = []
    for release in list_releases(site)[max(keep, 1):]:
        if current is None or release.name != current.name:
            shutil.rmtree(release.path)
            removed.append(release.name)
    return removed


def _read(path: Path) -> Release:
    data = json.loads((path / META).read_text(encoding="utf-8"))
    return Release(path.name, path, Commit(**data["commit"]), data["published"])
