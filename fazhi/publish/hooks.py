"""The git hooks of the server's bare repository (installed by deploy/install-server.sh).

    pre-receive:  python -m fazhi.publish.hooks pre-receive   (exit 1 refuses the whole push)
    post-receive: python -m fazhi.publish.hooks post-receive

Only the publishing branch is checked and published; git config of the repository says
where and how (set by install-server.sh, changed with `git config`):
fazhi.site (SITE_DIR), fazhi.branch, fazhi.keep, fazhi.pdf, fazhi.url.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fazhi.publish.publisher import Target, check_commit, publish

ZERO = "0" * 40


def say(line: str) -> None:
    """A line for the person pushing (git shows hook output prefixed with `remote:`)."""
    print(line, flush=True)


def config(name: str, default: str) -> str:
    done = subprocess.run(["git", "config", "--get", f"fazhi.{name}"], capture_output=True, text=True)
    return done.stdout.strip() or default


def target_from_config(git_dir: Path) -> tuple[Target, str]:
    """The repository's publishing settings and the branch that is published."""
    target = Target(git_dir.resolve(), Path(config("site", "/srv/fazhi")), int(config("keep", "10")),
                    config("pdf", "true").lower() not in ("false", "0", "no", "off"), config("url", ""))
    return target, f"refs/heads/{config('branch', 'main')}"


def updates(lines: list[str], branch: str) -> list[tuple[str, str]]:
    """(old, new) of the pushed updates to the published branch."""
    found = [line.split() for line in lines if line.strip()]
    return [(old, new) for old, new, ref in found if ref == branch]


def pre_receive(lines: list[str]) -> int:
    target, branch = target_from_config(Path("."))
    for _, new in updates(lines, branch):
        if new == ZERO:
            say(f"推送被拒绝：不能删除发布分支 {branch.removeprefix('refs/heads/')}。")
            return 1
        if not check_commit(target, new, say):
            return 1
    return 0


def post_receive(lines: list[str]) -> int:
    target, branch = target_from_config(Path("."))
    if not updates(lines, branch):
        return 0
    return 0 if publish(target, branch, say) else 1


def main(argv: list[str]) -> int:
    hook = {"pre-receive": pre_receive, "post-receive": post_receive}[argv[0]]
    return hook(sys.stdin.read().splitlines())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
