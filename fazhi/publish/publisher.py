"""Check a pushed commit, publish a commit as a release, roll back: the server's side of `git push`.

Everything runs under the site's lock, so checks and publications happen one at a time
and share the PDF cache safely. `publish` resolves the branch only once it holds the lock:
when pushes queue up, the first to get the lock publishes the newest commit and the
others find it already live (the newest commit wins, none is published twice).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from fazhi.addresses import HANDBOOK, Addresses, is_law_uri, page_address
from fazhi.project import CONFIG_FILE, ProjectFile
from fazhi.publish import releases
from fazhi.publish.build import Outcome, build_env, check_and_build
from fazhi.publish.checkout import commit_info, git, temporary_checkout
from fazhi.publish.lock import publication_lock
from fazhi.publish.releases import Commit, Release

Say = Callable[[str], None]
#: A checked build nobody published (its push lost a race, say) is removed after this long.
STALE_STAGING_SECONDS = 24 * 3600
#: How many changed pages a success message lists by address.
MAX_PAGES_LISTED = 10


@dataclass(frozen=True)
class Target:
    """Where and how to publish: the repository, SITE_DIR, releases kept, PDFs, public address."""

    git_dir: Path
    site: Path = releases.DEFAULT_SITE
    keep: int = 10
    pdf: bool = True
    url: str = ""

    @property
    def cache(self) -> Path:
        return self.site / "cache"

    @property
    def staging(self) -> Path:
        return self.site / "staging"


def check_commit(target: Target, sha: str, say: Say) -> bool:
    """The pre-receive check: `fazhi check`, then the strict build, kept in staging/ for `publish`."""
    with publication_lock(target.site, lambda: say("另一次检查或发布正在进行，排队等候……")):
        if (target.staging / sha).is_dir():
            return True  # this very commit was checked before (pushed again, or to another branch)
        commit = commit_info(target.git_dir, sha)
        say(f"正在检查提交 {commit.short}（{commit.author}：{commit.subject}）……")
        _log(target.site, "开始检查", commit.short)
        outcome = _build(target, sha)
        _log(target.site, "检查通过" if outcome.ok else "检查未通过", f"{commit.short} {outcome.seconds:.1f}秒")
    for line in outcome.lines:
        say(line)
    if outcome.ok:
        say(f"检查通过（用时 {outcome.seconds:.0f} 秒）。")
    else:
        say("")
        say(f"推送被拒绝：提交 {commit.short} 没有通过检查，网站没有任何变化，仓库也没有收下这次提交。")
        say("请按上面列出的“文件:行:列”逐条修改（在自己电脑上可运行 fazhi check 复查），提交后再推送。")
    return outcome.ok


def publish(target: Target, rev: str, say: Say) -> bool:
    """Build `rev` (a branch is resolved once the lock is held) into a release and make it live."""
    with publication_lock(target.site, lambda: say("另一次发布正在进行，排队等候……")):
        commit = commit_info(target.git_dir, rev)
        before = releases.live(target.site)
        if before is not None and before.commit.sha == commit.sha:
            say(f"网站已是提交 {commit.short} 的内容（发布版本 {before.name}），无需再次发布。")
            return True
        _log(target.site, "开始发布", commit.short)
        built = target.staging / commit.sha
        if not built.is_dir():
            say(f"正在生成提交 {commit.short} 的网站……")
            outcome = _build(target, commit.sha)
            if not outcome.ok:
                _log(target.site, "发布失败", commit.short)
                _say_failure(say, commit, before, outcome)
                return False
        release = releases.install(target.site, built, commit)
        releases.switch(target.site, release)
        removed = releases.prune(target.site, target.keep)
        _clean_staging(target, commit.sha)
        _log(target.site, "发布完成", f"{release.name} 删除旧版本{len(removed)}个")
    _say_success(say, target, release, before)
    return True


def rollback(site: Path, name: str | None, say: Say) -> bool:
    """Make an earlier release live again: the one named, else the one before the live one."""
    with publication_lock(site, lambda: say("另一次发布正在进行，排队等候……")):
        current = releases.live(site)
        release = releases.find(site, name) if name else _previous(site, current)
        if release is None:
            say(f"错误：没有找到发布版本“{name}”；运行 fazhi releases 查看可用的版本。" if name
                else "错误：没有比当前更早的发布版本可以回滚。")
            return False
        releases.switch(site, release)
        _log(site, "回滚", release.name)
    say(f"已回滚：网站现在是发布版本 {release.name}（提交 {release.commit.short}，{release.commit.subject}）。")
    say("注意：仓库里的新提交仍在；下次推送时会重新发布仓库的最新内容。要永久撤销某次修改，请用 git revert 提交后推送。")
    return True


def changed_pages(git_dir: Path, old: str, new: str) -> list[str]:
    """Site addresses of the pages whose sources differ between two commits (added or modified),
    found through the new commit's own folders (fazhi.addresses: a handbook kept in laws/ too)."""
    addresses = ProjectFile.parse(git(git_dir, "show", f"{new}:{CONFIG_FILE}")).addresses(Path("."))
    try:
        names = git(git_dir, "diff", "--name-only", "--diff-filter=AMR", old, new)
    except subprocess.CalledProcessError:  # the old release came from a commit this repository lacks
        return []
    return [page for page in (page_path(name, addresses) for name in names.splitlines()) if page is not None]


def page_path(source: str, addresses: Addresses) -> str | None:
    """docs/reports/2024.md → reports/2024/; docs/index.md → ''; <handbook folder>/…/x.md → handbook/x/."""
    uri = addresses.site_uri_of(source)
    if uri is None or not uri.endswith(".md") or (uri.startswith(f"{HANDBOOK}/") and not is_law_uri(uri)):
        return None
    return page_address(uri)


def _build(target: Target, sha: str) -> Outcome:
    """Check and build `sha` into staging/<sha> (a `.partial` folder until it is complete)."""
    partial = target.staging / f"{sha}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    target.staging.mkdir(parents=True, exist_ok=True)
    with temporary_checkout(target.git_dir, sha) as tree:
        outcome = check_and_build(tree, partial, build_env(tree, target.cache, target.pdf))
    if outcome.ok:
        partial.rename(target.staging / sha)
    return outcome


def _previous(site: Path, current: Release | None) -> Release | None:
    older = [r for r in releases.list_releases(site) if current is None or r.name < current.name]
    return older[0] if older else None


def _clean_staging(target: Target, published: str) -> None:
    """Drop checked builds of commits now behind the live one, and any left over from a crash."""
    for folder in target.staging.iterdir():
        sha = folder.name.removesuffix(".partial")
        stale = time.time() - folder.stat().st_mtime > STALE_STAGING_SECONDS
        if folder.name.endswith(".partial") or stale or _is_ancestor(target.git_dir, sha, published):
            shutil.rmtree(folder, ignore_errors=True)


def _is_ancestor(git_dir: Path, sha: str, of: str) -> bool:
    return subprocess.run(["git", "--git-dir", str(git_dir), "merge-base", "--is-ancestor", sha, of],
                          capture_output=True).returncode == 0


def _say_success(say: Say, target: Target, release: Release, before: Release | None) -> None:
    base = target.url.rstrip("/") + "/" if target.url else "/"
    say(f"已发布：网站现在是提交 {release.commit.short}（{release.commit.subject}），发布版本 {release.name}。")
    pages = changed_pages(target.git_dir, before.commit.sha, release.commit.sha) if before else []
    # Only pages the release holds: staff pages (the 编辑指南) are not on the public site.
    pages = [page for page in pages if (release.path / page / "index.html").is_file()]
    if pages:
        say("更新的页面：")
        for page in pages[:MAX_PAGES_LISTED]:
            say(f"  {base}{page}")
        if len(pages) > MAX_PAGES_LISTED:
            say(f"  ……等共 {len(pages)} 个页面")
    else:
        say(f"网址：{base}")


def _say_failure(say: Say, commit: Commit, before: Release | None, outcome: Outcome) -> None:
    for line in outcome.lines:
        say(line)
    say("")
    still = f"仍是上一版（发布版本 {before.name}，提交 {before.commit.short}）" if before else "仍未发布任何内容"
    say(f"发布失败：提交 {commit.short} 已收进仓库，但生成网站时出错，公开网站{still}，没有任何变化。")
    say("请按上面的提示修改后再提交推送；如提示与文件内容无关（如缺少字体、磁盘已满），请联系管理员。")


def _log(site: Path, event: str, detail: str) -> None:
    """One line per event in SITE_DIR/publish.log, for the administrator."""
    stamp = datetime.now().astimezone().isoformat(timespec="microseconds")
    with open(site / "publish.log", "a", encoding="utf-8") as log:
        log.write(f"{stamp}\t{event}\t{detail}\n")
