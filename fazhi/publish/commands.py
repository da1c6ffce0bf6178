"""`fazhi publish`, `fazhi releases`, `fazhi rollback`: the same steps as the hooks, by hand on the server."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from fazhi.check.runner import find_root
from fazhi.settings import pdfs_wanted
from fazhi.publish import releases
from fazhi.publish.publisher import Target, publish, rollback


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def add_parsers(commands, new) -> None:
    """The three subcommands on the `fazhi` parser (`new(commands.add_parser, …)` makes a Chinese one)."""
    site = dict(metavar="网站目录", type=Path, default=releases.DEFAULT_SITE,
                help=f"发布版本所在的目录（默认 {releases.DEFAULT_SITE}）")
    pub = new(commands.add_parser, name="publish", help="把当前检出的提交生成为新的发布版本并上线（服务器上用）",
              description="检查并构建当前检出的提交（不含未提交的修改），放入 网站目录/releases/，"
                          "再把 网站目录/current 一步切换过去。FAZHI_PDF=0 时不生成 PDF。")
    pub.add_argument("--site", **site)
    pub.add_argument("--keep", metavar="个数", type=int, default=10, help="保留最近几个发布版本（默认 10）")
    pub.add_argument("--url", metavar="网址", help="网站的公开网址，用于提示更新了哪些页面")
    rel = new(commands.add_parser, name="releases", help="列出发布版本（提交、日期、作者，哪个在线）",
              description="列出服务器上保留的发布版本，新的在前；* 标出当前网站。")
    rel.add_argument("--site", **site)
    back = new(commands.add_parser, name="rollback", help="把网站切换回以前的某个发布版本",
               description="一步切换回以前的发布版本：不写版本名时回到当前版本的前一个。")
    back.add_argument("release", metavar="版本", nargs="?", help="发布版本名（或其开头、提交号开头），见 fazhi releases")
    back.add_argument("--site", **site)




def cmd_publish(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    # The common git dir holds the objects (also for a `git worktree`); HEAD is this checkout's.
    found = subprocess.run(["git", "rev-parse", "--path-format=absolute", "--git-common-dir", "HEAD"],
                           cwd=root, capture_output=True, text=True)
    if found.returncode != 0:
        say(f"错误：{root} 不是有提交的 git 仓库；发布的是已提交的内容，请先提交。")
        return 1
    git_dir, head = found.stdout.split()
    target = Target(Path(git_dir), args.site, args.keep, pdfs_wanted(), args.url or "")
    return 0 if publish(target, head, say) else 1


def cmd_releases(args: argparse.Namespace) -> int:
    found = releases.list_releases(args.site)
    if not found:
        say(f"{args.site} 下还没有发布版本（fazhi publish 或推送后生成）。")
        return 1
    current = releases.live(args.site)
    for release in found:
        mark = "*" if current and release.name == current.name else " "
        commit = release.commit
        print(f"{mark} {release.name}  提交 {commit.short}  {commit.date[:16].replace('T', ' ')}  "
              f"{commit.author}：{_shorten(commit.subject)}" + ("  ← 当前网站" if mark == "*" else ""))
    return 0


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def cmd_rollback(args: argparse.Namespace) -> int:
    return 0 if rollback(args.site, args.release, say) else 1


HANDLERS = {"publish": cmd_publish, "releases": cmd_releases, "rollback": cmd_rollback}
