"""A commit of a (bare) repository checked out into a temporary folder, without touching the repository.

In a pre-receive hook the pushed objects sit in git's quarantine and git refuses any ref
update, so `git worktree add` fails there. A throw-away repository that borrows the
objects (objects/info/alternates: the repository's and the quarantine's) can check the
commit out and still answer `git log` for the last-updated dates of pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from fazhi.publish.releases import Commit


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment without git's hook variables (GIT_DIR=. would point a build's git at the bare repo)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, **(extra or {})}


def git(git_dir: Path, *args: str) -> str:
    """Run git on `git_dir` with the hook's environment (so quarantined objects are visible)."""
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True,
                          capture_output=True, text=True).stdout.strip()


def commit_info(git_dir: Path, rev: str) -> Commit:
    sha, date, author, subject = git(git_dir, "log", "-1", "--format=%H%x00%cI%x00%an%x00%s", rev).split("\0")
    return Commit(sha, date, author, subject)


def object_dirs(git_dir: Path) -> list[str]:
    """Where the objects of `git_dir` are, including a pre-receive hook's quarantine."""
    dirs = [str((git_dir / "objects").resolve())]
    for name in ("GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY"):
        if os.environ.get(name):
            dirs.append(str(Path(os.environ[name]).resolve()))
    dirs += [d for d in os.environ.get("GIT_ALTERNATE_OBJECT_DIRECTORIES", "").split(os.pathsep) if d]
    return list(dict.fromkeys(dirs))


@contextmanager
def temporary_checkout(git_dir: Path, sha: str, prefix: str = "fazhi-check-") -> Iterator[Path]:
    """The files of commit `sha` in a temporary folder (removed afterwards) with its history for git log."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        env = clean_env()
        run = lambda *args: subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
        run("init", "-q", ".")
        (folder / ".git" / "objects" / "info" / "alternates").write_text("\n".join(object_dirs(git_dir)) + "\n")
        run("-c", "advice.detachedHead=false", "checkout", "-q", "--detach", sha)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
